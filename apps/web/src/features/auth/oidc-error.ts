import type { OidcErrorCode } from '@bridgeboard/contract';

/** What `/login?error=<code>` means to the person who was refused (the full reason is in the audit trail). */
const SAID: Record<OidcErrorCode, string> = {
  'not-configured': 'Single sign-on is not set up on this server.',
  unavailable: 'The identity provider cannot be reached right now: try again, or sign in with a local account.',
  state: 'That sign-in expired, was already used or was started in another window: try again.',
  provider: 'The identity provider cancelled the sign-in.',
  token: "The identity provider's answer could not be verified.",
  username: 'Your identity provider sent no user name Bridgeboard can use: ask an admin.',
  'no-role': 'Your account is in no group that has access to Bridgeboard: ask an admin.',
  'local-account': 'A local Bridgeboard account already has your name: ask an admin.',
  disabled: 'Your account is disabled: ask an admin.',
};

/** The sentence for the address's `error`, or null when there is none (or one this build does not know). */
export function oidcErrorSentence(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  if (code === null) return null;
  return Object.hasOwn(SAID, code) ? SAID[code as OidcErrorCode] : 'Single sign-on failed.';
}
