import type { Network } from '@bridgeboard/topology';
import { Dialog } from '../../components/ui/dialog';

/** Placeholder until the form lands. */
export function NewNetworkDialog({ open, onClose }: { open: boolean; onClose: () => void; onCreated: (n: Network) => void }) {
  return (
    <Dialog open={open} title="New network" onClose={onClose}>
      <p>Coming next.</p>
    </Dialog>
  );
}
