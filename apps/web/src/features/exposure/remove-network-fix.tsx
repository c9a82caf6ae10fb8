import { findNetwork } from '@bridgeboard/topology';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { useRemoveNetwork } from '../networks/use-remove-network';
import { useTopology } from '../topology/topology-query';

/** The empty-network lint's fix: confirm, then `docker network rm` (admin). Errors toast centrally. */
export function RemoveNetworkFix({ network, onClose }: { network: string | null; onClose: () => void }) {
  const { data: t } = useTopology();
  const remove = useRemoveNetwork();
  const target = t && network ? findNetwork(t, network) : undefined;
  return (
    <ConfirmDialog
      open={network !== null}
      title="Remove network?"
      confirmLabel="Remove network"
      onCancel={onClose}
      onConfirm={() => {
        if (target) remove.mutate(target.id);
        onClose();
      }}
    >
      {target ? (
        <p>
          Remove the network <strong className="font-mono">{target.name}</strong>? It has no containers; <code>docker network rm</code>{' '}
          deletes it and its bridge.
        </p>
      ) : (
        <p>The network {network} is gone already.</p>
      )}
    </ConfirmDialog>
  );
}
