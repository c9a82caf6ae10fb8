import { useState, type SubmitEvent } from 'react';
import type { Role } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { checkCredentials } from '../auth/check-credentials';
import { ROLE_HINT, ROLE_OPTIONS } from './role-options';
import { useCreateUser } from './use-create-user';

/** Mounted only while open, so each opening starts empty. */
function AddUserForm({ onClose }: { onClose: () => void }) {
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [tried, setTried] = useState(false);
  const errors = tried ? checkCredentials({ username, password }) : {};
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(checkCredentials({ username, password })).length > 0) return;
    create.mutate({ username, password, role }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        id="new-user-username"
        label="Username"
        autoComplete="off"
        autoCapitalize="none"
        value={username}
        error={errors.username}
        onChange={(e) => setUsername(e.target.value)}
        data-autofocus
      />
      <Field
        id="new-user-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <SelectField id="new-user-role" label="Role" value={role} options={ROLE_OPTIONS} onChange={(e) => setRole(e.target.value as Role)} />
      <p className="text-xs text-slate-500">{ROLE_HINT}</p>
      {create.error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {create.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" tone="primary" disabled={create.isPending}>
          Create user
        </Button>
      </div>
    </form>
  );
}

export function AddUserDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="Add a user" onClose={onClose}>
      <AddUserForm onClose={onClose} />
    </Dialog>
  );
}
