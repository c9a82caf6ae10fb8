import { Button } from '../../components/ui/button';
import type { EditOutcome } from './edit-outcome';
import { EditOutcomeView } from './edit-outcome-view';
import { EditProgress } from './edit-progress';
import type { EditRows } from './edit-steps';
import { StickyFooter } from './sticky-footer';

/** Step 3: how it ended (or that it runs), the steps live, the checks, any undoing. */
export function ApplyStage({
  rows,
  outcome,
  network,
  renamed,
  replanning,
  onReplan,
  onShow,
  onClose,
}: {
  rows: EditRows;
  outcome: EditOutcome;
  network: string;
  renamed: boolean;
  replanning: boolean;
  onReplan: () => void;
  onShow: ((name: string) => void) | null;
  onClose: () => void;
}) {
  return (
    <>
      {/* How it ended first: with many containers the checks run long. */}
      <EditOutcomeView outcome={outcome} network={network} renamed={renamed} onShow={onShow} onReplan={onReplan} replanning={replanning} />
      {/* Refused before any step: there is nothing to show of them. */}
      {outcome.kind !== 'stale' && <EditProgress rows={rows} />}
      <StickyFooter>
        {/* "Done", not "Close": the wide dialog's ✕ is "Close" already. */}
        <Button onClick={onClose} disabled={outcome.kind === 'running'}>
          Done
        </Button>
      </StickyFooter>
    </>
  );
}
