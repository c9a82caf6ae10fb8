import { createContext, useContext } from 'react';

/** The bridge under a dragged container, and why a drop there would be refused (null: allowed). */
export interface DropTarget {
  networkId: string;
  refusal: string | null;
}

export const DropTargetContext = createContext<DropTarget | null>(null);

export const useDropTarget = () => useContext(DropTargetContext);
