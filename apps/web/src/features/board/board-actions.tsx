import { createContext, useContext } from 'react';

/** What node components may ask of the board (they get data only through props). */
export interface BoardActions {
  select: (kind: 'network' | 'container', id: string) => void;
  openMenu: (containerId: string, at: { x: number; y: number }) => void;
}

export const BoardActionsContext = createContext<BoardActions | null>(null);

export function useBoardActions(): BoardActions {
  const actions = useContext(BoardActionsContext);
  if (!actions) throw new Error('useBoardActions outside the board');
  return actions;
}
