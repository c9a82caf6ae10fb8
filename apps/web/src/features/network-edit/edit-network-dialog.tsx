import type { Network } from '@bridgeboard/topology';
import { Dialog } from '../../components/ui/dialog';
import { useEditRights } from './use-may-edit-networks';
import { EditNetworkFlow } from './edit-network-flow';

/**
 * "Edit network": hosted by the board page, not the network's panel, since the network disappears
 * from the board while it is re-made (and may come back under another name): the dialog must
 * outlive the panel it was opened from. `network` is the network as it was when Edit was pressed.
 */
export function EditNetworkDialog({
  open,
  network,
  onClose,
  onShow,
}: {
  open: boolean;
  network: Network | null;
  onClose: () => void;
  /** Selects a network on the board by name: the outcome links to the re-made network. */
  onShow?: (name: string) => void;
}) {
  return (
    <Dialog size="wide" open={open && network !== null} title={network ? `Edit network ${network.name}` : 'Edit network'} onClose={onClose}>
      {network && <FlowFor key={network.id} network={network} onClose={onClose} onShow={onShow ?? null} />}
    </Dialog>
  );
}

/** The flow, with whether the user's rights let it apply an edit of this network. */
function FlowFor({ network, onClose, onShow }: { network: Network; onClose: () => void; onShow: ((name: string) => void) | null }) {
  const rights = useEditRights(network);
  return <EditNetworkFlow network={network} mayApply={rights.allowed} onClose={onClose} onShow={onShow} />;
}
