import { useState } from 'react';
import type { EngineSummary } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { useRemoveEngine } from './use-engine-mutations';
import { AdminTableHead } from '../../components/ui/admin-table-head';

const cell = 'px-2 py-1.5';
const SOURCE = { environment: 'server (DOCKER_HOST)', file: 'engines file', admin: 'added by an admin' } as const;

/** The fleet: where each engine is, how it is reached, whether it answers. Only engines an admin added are edited or removed here. */
export function EnginesTable({
  engines,
  canManage,
  onEdit,
}: {
  engines: EngineSummary[];
  canManage: boolean;
  onEdit: (engine: EngineSummary) => void;
}) {
  const remove = useRemoveEngine();
  const [removing, setRemoving] = useState<string | null>(null);
  return (
    <>
      <table className="w-full border-collapse text-left text-sm" aria-label="Engines">
        <AdminTableHead columns={['Engine', 'Reached at', 'Declared by', 'State']} cell={cell} />
        <tbody>
          {engines.map((e) => (
            <tr key={e.id} data-engine-row={e.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className={`${cell} font-medium`}>
                {e.name}
                {e.name !== e.id && <span className="ml-1 font-mono text-xs text-slate-500">{e.id}</span>}
              </td>
              <td className={`${cell} font-mono text-xs`}>
                {e.endpoint.address}
                {e.endpoint.tls && (
                  <span className="ml-1 rounded bg-emerald-100 px-1 text-emerald-800 dark:bg-emerald-900 dark:text-emerald-100">TLS</span>
                )}
              </td>
              <td className={`${cell} text-slate-500`}>{SOURCE[e.source]}</td>
              <td className={cell} data-engine-state={e.status.reachable ? 'reachable' : 'unreachable'}>
                <span className={`mr-1 inline-block h-2 w-2 rounded-full ${e.status.reachable ? 'bg-emerald-500' : 'bg-amber-500'}`} />
                {e.status.reachable ? `Docker ${e.status.version ?? ''}` : 'unreachable'}
              </td>
              <td className={`${cell} space-x-2 text-right whitespace-nowrap`}>
                {canManage && e.source === 'admin' && (
                  <>
                    <Button onClick={() => onEdit(e)} aria-label={`Edit ${e.id}`}>
                      Edit
                    </Button>
                    <Button tone="danger" onClick={() => setRemoving(e.id)} aria-label={`Remove ${e.id}`}>
                      Remove
                    </Button>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        title={`Remove ${removing ?? ''}?`}
        confirmLabel="Remove engine"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing);
          setRemoving(null);
        }}
      >
        Bridgeboard stops watching <b>{removing}</b> and forgets its keys. Nothing on the engine changes.
      </ConfirmDialog>
    </>
  );
}
