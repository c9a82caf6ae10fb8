import { useState, type SubmitEvent } from 'react';
import type { Role } from '@bridgeboard/contract';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { FormFooter } from '../../components/ui/form-footer';
import { checkTokenName } from './check-token-name';
import { TokenSecret } from './token-secret';
import { useCreateToken } from './use-create-token';
import { RoleField } from '../users/role-field';

/** Name and role, then the secret in the same dialog. Mounted only while open, so the secret is gone once closed. */
function NewTokenForm({ onClose }: { onClose: () => void }) {
  const create = useCreateToken();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [tried, setTried] = useState(false);
  if (create.data) return <TokenSecret token={create.data} onDone={onClose} />;
  const error = tried ? (checkTokenName(name.trim()) ?? undefined) : undefined;
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (checkTokenName(name.trim())) return;
    create.mutate({ name: name.trim(), role });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        id="new-token-name"
        label="Token name"
        autoComplete="off"
        value={name}
        error={error}
        onChange={(e) => setName(e.target.value)}
        data-autofocus
      />
      <RoleField id="new-token-role" role={role} onChange={setRole} />
      <FormFooter error={create.error} pending={create.isPending} submit="Create token" onCancel={onClose} />
    </form>
  );
}

export function NewTokenDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog open={open} title="New API token" onClose={onClose}>
      <NewTokenForm onClose={onClose} />
    </Dialog>
  );
}
