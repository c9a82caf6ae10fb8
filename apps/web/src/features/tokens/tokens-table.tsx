import { useState } from 'react';
import type { ApiToken } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { useRevokeToken } from './use-revoke-token';
import { AdminTableHead } from '../../components/ui/admin-table-head';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');
const cell = 'px-2 py-1.5';

export function TokensTable({ tokens }: { tokens: ApiToken[] }) {
  const revoke = useRevokeToken();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);
  if (tokens.length === 0) return <p className="text-sm text-slate-500">No API tokens.</p>;
  return (
    <>
      <table className="w-full border-collapse text-left text-sm" aria-label="API tokens">
        <AdminTableHead columns={['Name', 'Role', 'Created', 'Last used']} cell={cell} />
        <tbody>
          {tokens.map((t) => (
            <tr key={t.id} data-token-id={t.id} className="border-b border-slate-100 dark:border-slate-800">
              <td className={`${cell} font-medium`}>{t.name}</td>
              <td className={cell}>{t.role}</td>
              <td className={`${cell} text-slate-500`}>
                {when(t.createdAt)} by {t.createdBy}
              </td>
              <td className={`${cell} text-slate-500`}>{when(t.lastUsedAt)}</td>
              <td className={`${cell} text-right`}>
                <Button tone="danger" onClick={() => setRevoking(t)} aria-label={`Revoke token ${t.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke ${revoking?.name ?? ''}?`}
        confirmLabel="Revoke token"
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          if (revoking) revoke.mutate(revoking.id);
          setRevoking(null);
        }}
      >
        Scripts using <b>{revoking?.name}</b> are refused from now on.
      </ConfirmDialog>
    </>
  );
}
