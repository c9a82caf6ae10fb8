import { useState, type SubmitEvent } from 'react';
import type { Role } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { SelectField } from '../../components/ui/select-field';
import { ROLE_HINT, ROLE_OPTIONS } from '../users/role-options';
import { checkTokenName } from './check-token-name';
import { TokenSecret } from './token-secret';
import { useCreateToken } from './use-create-token';

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
      <SelectField id="new-token-role" label="Role" value={role} options={ROLE_OPTIONS} onChange={(e) => setRole(e.target.value as Role)} />
      <p className="text-xs text-slate-500">{ROLE_HINT}</p>
      {create.error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          {create.error.message}
        </p>
      )}
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" tone="primary" disabled={create.isPending}>
          Create token
        </Button>
      </div>
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
