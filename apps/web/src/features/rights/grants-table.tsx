import { useState } from 'react';
import { describeScope, type Grant } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { useTokens } from '../tokens/use-tokens';
import { subjectLabel } from './subject-label';
import { useRemoveGrant } from './use-remove-grant';
import { AdminTableHead } from '../../components/ui/admin-table-head';

const cell = 'px-2 py-1.5 align-top';

/** Grants, each in words, with Remove; `label` names the table (the page has one per group too). */
export function GrantsTable({ grants, label }: { grants: readonly Grant[]; label: string }) {
  const remove = useRemoveGrant();
  const tokens = useTokens().data;
  const [removing, setRemoving] = useState<Grant | null>(null);
  if (grants.length === 0) return <p className="text-sm text-slate-500">No grants.</p>;
  const sentence = (g: Grant) => `${g.role} on ${describeScope(g.scope)}, to ${subjectLabel(g.subject, tokens)}`;
  return (
    <>
      <table className="w-full border-collapse text-left text-sm" aria-label={label}>
        <AdminTableHead columns={['For', 'Role', 'Over', 'Granted']} cell={cell} />
        <tbody>
          {grants.map((g) => (
            <tr key={g.id} data-grant-id={g.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className={`${cell} font-medium`}>{subjectLabel(g.subject, tokens)}</td>
              <td className={cell}>{g.role}</td>
              <td className={cell}>{describeScope(g.scope)}</td>
              <td className={`${cell} text-slate-500`}>
                {new Date(g.createdAt).toLocaleString()} by {g.createdBy}
                <div className="font-mono text-[11px]" title="grant id, as the audit names it">
                  {g.id}
                </div>
              </td>
              <td className={`${cell} text-right`}>
                <Button tone="danger" onClick={() => setRemoving(g)} aria-label={`Remove grant: ${sentence(g)}`}>
                  Remove
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={removing !== null}
        title="Remove this grant?"
        confirmLabel="Remove grant"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate(removing.id);
          setRemoving(null);
        }}
      >
        <b>{removing && sentence(removing)}</b>. What it allowed is refused from now on; boards it reaches reconnect with what is left.
      </ConfirmDialog>
    </>
  );
}
