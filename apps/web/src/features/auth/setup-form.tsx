import { useState, type SubmitEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { checkCredentials } from './check-credentials';
import { useSetup } from './use-setup';

/** First start: the one-time token from the server log makes the first admin (no open "claim admin" window). */
export function SetupForm() {
  const setup = useSetup();
  const [setupToken, setSetupToken] = useState('');
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [tried, setTried] = useState(false);
  const errors = tried ? checkCredentials({ username, password }) : {};
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(checkCredentials({ username, password })).length > 0) return;
    setup.mutate({ setupToken: setupToken.trim(), username, password });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Create the first admin" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        No account exists yet. The server printed a one-time <b>setup token</b> in its log when it started; paste it here to create the
        first admin.
      </p>
      <Field
        id="setup-token"
        label="Setup token"
        autoComplete="off"
        spellCheck={false}
        required
        value={setupToken}
        onChange={(e) => setSetupToken(e.target.value)}
      />
      <Field
        id="setup-username"
        label="Admin username"
        autoComplete="username"
        autoCapitalize="none"
        required
        value={username}
        error={errors.username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        id="setup-password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        value={password}
        error={errors.password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {setup.error && (
        <p role="alert" data-error="setup" className="text-sm text-rose-600 dark:text-rose-400">
          {setup.error.message}
        </p>
      )}
      <Button type="submit" tone="primary" className="w-full" disabled={setup.isPending}>
        {setup.isPending ? 'Creating…' : 'Create admin and sign in'}
      </Button>
    </form>
  );
}
