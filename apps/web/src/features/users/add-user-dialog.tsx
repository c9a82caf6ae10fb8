import { useState, type SubmitEvent } from 'react';
import type { Role } from '@bridgeboard/contract';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { FormFooter } from '../../components/ui/form-footer';
import { checkCredentials } from '../auth/check-credentials';
import { useCreateUser } from './use-create-user';
import { RoleField } from './role-field';

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
      <RoleField id="new-user-role" role={role} onChange={setRole} />
      <FormFooter error={create.error} pending={create.isPending} submit="Create user" onCancel={onClose} />
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
