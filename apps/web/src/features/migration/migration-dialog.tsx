import { Dialog } from '../../components/ui/dialog';
import { MigrationAssistant } from './migration-assistant';

/**
 * "Move off the default bridge": from a lint's fix or a container's panel. The assistant mounts
 * with the dialog, so each opening starts from the containers it was opened with.
 */
export function MigrationDialog({ open, containers, onClose }: { open: boolean; containers: string[]; onClose: () => void }) {
  return (
    <Dialog size="wide" open={open} title="Move off the default bridge" onClose={onClose}>
      <MigrationAssistant initial={containers} onClose={onClose} />
    </Dialog>
  );
}
