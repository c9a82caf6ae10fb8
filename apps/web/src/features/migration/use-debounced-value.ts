import { useEffect, useState } from 'react';

/**
 * `value` once it has stopped changing for `ms`. Compared by its JSON, so a fresh object with the
 * same content (a request body rebuilt on every render) does not restart the wait.
 */
export function useDebouncedValue<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(JSON.parse(key) as T), ms);
    return () => clearTimeout(timer);
  }, [key, ms]);
  return settled;
}
