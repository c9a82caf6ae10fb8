import { oidcErrorSentence } from './oidc-error';
import { useOidcStatus } from './oidc-query';

/**
 * Single sign-on, when the server offers it: a plain link (the provider's pages need a full
 * navigation, not a fetch) above the password form, which stays for local accounts (break-glass).
 */
export function SsoButton() {
  const status = useOidcStatus();
  const refused = oidcErrorSentence(window.location.search);
  if (!status.data?.enabled) return null;
  return (
    <div className="mb-4 space-y-3 border-b border-slate-200 pb-4 dark:border-slate-800">
      <a
        href="/api/auth/oidc/start"
        data-testid="sso-sign-in"
        className="block w-full rounded-md bg-sky-600 px-3 py-2 text-center text-sm font-medium text-white hover:bg-sky-700"
      >
        {status.data.label}
      </a>
      {refused && (
        <p role="alert" data-error="sso" className="text-sm text-rose-600 dark:text-rose-400">
          {refused}
        </p>
      )}
    </div>
  );
}
