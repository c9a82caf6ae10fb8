import type { Network } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { editRefusal } from './edit-availability';
import { useEditRights } from './use-may-edit-networks';

/**
 * The panel's "Edit…": offered to operators on a network Bridgeboard can re-make, greyed with the
 * reason otherwise (on a line of its own in the panel's row of actions), so a viewer learns what
 * it would take.
 */
export function EditNetworkButton({ network, onEdit }: { network: Network; onEdit: (n: Network) => void }) {
  const refusal = editRefusal(network, useEditRights(network));
  const reasonId = `edit-network-reason-${network.id.slice(0, 12)}`;
  return (
    <>
      <Button
        data-testid="edit-network"
        onClick={() => onEdit(network)}
        disabled={refusal !== null}
        title={refusal ?? undefined}
        aria-describedby={refusal ? reasonId : undefined}
      >
        Edit…
      </Button>
      {refusal && (
        <span id={reasonId} data-testid="edit-network-reason" className="order-last basis-full text-xs text-slate-500 dark:text-slate-400">
          Edit: {refusal}.
        </span>
      )}
    </>
  );
}
