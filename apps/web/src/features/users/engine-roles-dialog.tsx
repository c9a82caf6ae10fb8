import { useState } from 'react';
import { ENGINE_ROLES, type EngineRole, type EngineRoles, type User } from '@bridgeboard/contract';
import { Dialog } from '../../components/ui/dialog';
import { FormFooter } from '../../components/ui/form-footer';
import { useEngines } from '../engines/engines-query';
import { useUpdateUser } from './use-update-user';

const DEFAULT = '';

/** One select per engine: the user's default role there, or another one. Mounted only while open. */
function EngineRolesForm({ user, onClose }: { user: User; onClose: () => void }) {
  const { data: engines } = useEngines();
  const update = useUpdateUser();
  const [roles, setRoles] = useState<EngineRoles>(user.engineRoles);
  const choose = (engine: string, value: string) =>
    setRoles((old) => {
      const { [engine]: _, ...rest } = old;
      return value === DEFAULT ? rest : { ...rest, [engine]: value as EngineRole };
    });
  return (
    <form
      className="space-y-3"
      onSubmit={(e) => {
        e.preventDefault();
        update.mutate({ username: user.username, engineRoles: roles }, { onSuccess: onClose });
      }}
    >
      <p className="text-sm text-slate-500">
        On an engine left at “default”, {user.username} is <b>{user.role}</b>. Users, tokens and engines follow the default role only.
      </p>
      {(engines ?? []).map((e) => (
        <label key={e.id} className="flex items-center justify-between gap-3 text-sm">
          <span>
            {e.name} <span className="font-mono text-xs text-slate-500">{e.id}</span>
          </span>
          <select
            aria-label={`Role of ${user.username} on ${e.id}`}
            value={Object.hasOwn(roles, e.id) ? roles[e.id] : DEFAULT}
            onChange={(ev) => choose(e.id, ev.target.value)}
            className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          >
            <option value={DEFAULT}>{`default (${user.role})`}</option>
            {ENGINE_ROLES.map((r) => (
              <option key={r} value={r}>
                {r === 'none' ? 'no access (not listed)' : r}
              </option>
            ))}
          </select>
        </label>
      ))}
      <p className="text-xs text-slate-500">Saving signs {user.username} out everywhere, as any change of role does.</p>
      <FormFooter error={update.error} pending={update.isPending} submit="Save roles" onCancel={onClose} />
    </form>
  );
}

export function EngineRolesDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  return (
    <Dialog open={user !== null} title={`Roles of ${user?.username ?? ''} per engine`} onClose={onClose}>
      {user && <EngineRolesForm user={user} onClose={onClose} />}
    </Dialog>
  );
}
