import { useState, type SubmitEvent } from 'react';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { useSignIn } from './use-sign-in';

/** Username and password; a refusal shows the server's own words (bad credentials, or when a lockout ends). */
export function LoginForm() {
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = (e: SubmitEvent<HTMLFormElement>) => {
    e.preventDefault();
    signIn.mutate({ username: username.trim(), password });
  };
  return (
    <form onSubmit={submit} className="space-y-3" aria-label="Sign in">
      <Field
        id="login-username"
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
      />
      <Field
        id="login-password"
        label="Password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      {signIn.error && (
        <p role="alert" data-error="login" className="text-sm text-rose-600 dark:text-rose-400">
          {signIn.error.message}
        </p>
      )}
      <Button type="submit" tone="primary" className="w-full" disabled={signIn.isPending}>
        {signIn.isPending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
