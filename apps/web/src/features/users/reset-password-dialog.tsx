import { useState, type SubmitEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { checkCredentials } from '../auth/check-credentials';
import { useUpdateUser } from './use-update-user';

function ResetPasswordForm({ username, onClose }: { username: string; onClose: () => void }) {
  const update = useUpdateUser();
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const error = tried ? checkCredentials({ password }).password : undefined;
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (checkCredentials({ password }).password) return;
    update.mutate({ username, password }, { onSuccess: onClose });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-3">
      <Field
        id="reset-password"
        label="New password"
        type="password"
        autoComplete="new-password"
        value={password}
        error={error}
        onChange={(e) => setPassword(e.target.value)}
        data-autofocus
      />
      <div className="flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" tone="primary" disabled={update.isPending}>
          Set password
        </Button>
      </div>
    </form>
  );
}

export function ResetPasswordDialog({ username, onClose }: { username: string | null; onClose: () => void }) {
  return (
    <Dialog open={username !== null} title={`New password for ${username ?? ''}`} onClose={onClose}>
      {username && <ResetPasswordForm username={username} onClose={onClose} />}
    </Dialog>
  );
}
