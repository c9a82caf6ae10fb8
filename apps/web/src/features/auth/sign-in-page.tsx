import { LoginForm } from './login-form';
import { SsoButton } from './sso-button';
import { SetupForm } from './setup-form';
import { useSetupStatus } from './setup-query';

/** Shown in place of any page while signed out, so the address (a deep link) is still there after signing in. */
export function SignInPage() {
  const setup = useSetupStatus();
  return (
    <main className="flex min-h-full items-center justify-center p-6" data-page="sign-in">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm dark:border-slate-800 dark:bg-slate-900">
        <h1 className="mb-4 text-2xl font-bold tracking-tight">
          Bridge<span className="text-sky-600">board</span>
        </h1>
        {setup.isPending && (
          <p role="status" className="text-sm text-slate-500">
            Asking the server…
          </p>
        )}
        {setup.error && (
          <p role="alert" className="text-sm text-rose-600">
            Could not reach the server: {setup.error.message}
          </p>
        )}
        {setup.data &&
          (setup.data.required ? (
            <SetupForm />
          ) : (
            <>
              <SsoButton />
              <LoginForm />
            </>
          ))}
      </div>
    </main>
  );
}
