import type { Network } from '@bridgeboard/topology';
import { Dialog } from '../../components/ui/dialog';
import { NewNetworkForm } from './new-network-form';
import { useCreateNetwork } from './use-create-network';

/**
 * "New network": `docker network create` with every option the API takes. The mutation lives here,
 * outside the form, so a create still reports back if the dialog was closed while it ran; the form
 * itself mounts with the dialog, so each opening starts empty.
 */
export function NewNetworkDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (n: Network) => void }) {
  const create = useCreateNetwork();
  return (
    <Dialog open={open} title="New network" onClose={onClose}>
      <NewNetworkForm create={create} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}
