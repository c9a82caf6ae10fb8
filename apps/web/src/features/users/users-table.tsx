import { useState } from 'react';
import type { Role, User } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { EngineRolesDialog, ResetPasswordDialog } from './lazy-dialogs';
import { ROLE_OPTIONS } from './role-options';
import { useDeleteUser } from './use-delete-user';
import { useUpdateUser } from './use-update-user';
import { AdminTableHead } from '../../components/ui/admin-table-head';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : 'never');
const cell = 'px-2 py-1.5';

/** The accounts, with their role, reset and delete. An admin's own row offers neither a role change nor delete (no locking yourself out). */
export function UsersTable({ users, me }: { users: User[]; me: string }) {
  const update = useUpdateUser();
  const remove = useDeleteUser();
  const [resetting, setResetting] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<string | null>(null);
  const [scoping, setScoping] = useState<User | null>(null);
  return (
    <>
      <table className="w-full border-collapse text-left text-sm" aria-label="Users">
        <AdminTableHead columns={['Name', 'Role', 'Per engine', 'Created', 'Last sign-in']} cell={cell} />
        <tbody>
          {users.map((u) => {
            const self = u.username === me;
            return (
              <tr key={u.username} data-user-row={u.username} className="border-b border-slate-100 dark:border-slate-800">
                <td className={`${cell} font-medium`}>
                  {u.username}
                  {self && <span className="ml-1 text-xs text-slate-500">(you)</span>}
                </td>
                <td className={cell}>
                  <select
                    aria-label={`Role of ${u.username}`}
                    value={u.role}
                    disabled={self || update.isPending}
                    title={self ? 'Another admin can change your role' : undefined}
                    onChange={(e) => update.mutate({ username: u.username, role: e.target.value as Role })}
                    className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm disabled:opacity-60 dark:border-slate-600 dark:bg-slate-800"
                  >
                    {ROLE_OPTIONS.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.label}
                      </option>
                    ))}
                  </select>
                </td>
                <td className={`${cell} text-xs`} data-engine-roles={u.username}>
                  {Object.entries(u.engineRoles)
                    .map(([engine, role]) => (role === 'none' ? `no access to ${engine}` : `${role} on ${engine}`))
                    .join(', ') || <span className="text-slate-500">same everywhere</span>}{' '}
                  <Button onClick={() => setScoping(u)} aria-label={`Roles of ${u.username} per engine`}>
                    Edit
                  </Button>
                </td>
                <td className={`${cell} text-slate-500`}>{when(u.createdAt)}</td>
                <td className={`${cell} text-slate-500`}>{when(u.lastLoginAt)}</td>
                <td className={`${cell} space-x-2 text-right whitespace-nowrap`}>
                  <Button onClick={() => setResetting(u.username)} aria-label={`Reset password of ${u.username}`}>
                    Reset password
                  </Button>
                  {!self && (
                    <Button tone="danger" onClick={() => setDeleting(u.username)} aria-label={`Delete ${u.username}`}>
                      Delete
                    </Button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <ResetPasswordDialog username={resetting} onClose={() => setResetting(null)} />
      <EngineRolesDialog user={scoping} onClose={() => setScoping(null)} />
      <ConfirmDialog
        open={deleting !== null}
        title={`Delete ${deleting ?? ''}?`}
        confirmLabel="Delete user"
        onCancel={() => setDeleting(null)}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
          setDeleting(null);
        }}
      >
        <b>{deleting}</b> can no longer sign in. Their entries in the audit log stay.
      </ConfirmDialog>
    </>
  );
}
