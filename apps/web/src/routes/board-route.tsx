import { ReactFlowProvider } from '@xyflow/react';
import { BoardPage } from './board-page';

/**
 * The board page inside React Flow's provider (the board's hooks read its store), so that React
 * Flow loads with the board's chunk rather than with the app's entry. Equivalent to the provider
 * the app once held around everything: React Flow resets that store whenever the board unmounts.
 */
export function BoardRoute({ kind }: { kind: 'network' | 'container' | null }) {
  return (
    <ReactFlowProvider>
      <BoardPage kind={kind} />
    </ReactFlowProvider>
  );
}
