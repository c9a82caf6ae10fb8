import { useCallback, useState } from 'react';

const KEY = 'bridgeboard.show-reach';

/** Whether selecting a container shows what it reaches; on unless the user turned it off (remembered). */
export function useShowReach(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(() => localStorage.getItem(KEY) !== 'off');
  const set = useCallback((next: boolean) => {
    localStorage.setItem(KEY, next ? 'on' : 'off');
    setOn(next);
  }, []);
  return [on, set];
}
