import { useMemo, useRef } from 'react';
import type { Topology } from '@bridgeboard/topology';
import { emptyLayout, layoutBoard, type BoardLayout } from './layout';

/** The layout, remembered across renders so each change only places what is new. */
export function useBoardLayout(topology: Topology): BoardLayout {
  const previous = useRef<BoardLayout>(emptyLayout);
  return useMemo(() => {
    const next = layoutBoard(topology, previous.current);
    previous.current = next;
    return next;
  }, [topology]);
}
