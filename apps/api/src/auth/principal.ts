import type { Role } from '@bridgeboard/contract';

/** Who is asking: a signed-in browser session or a script's API token. */
export interface Principal {
  username: string;
  role: Role;
  via: 'session' | 'token';
  /** The session's id (a hash, never the cookie secret); null for tokens. */
  sessionId: string | null;
  tokenId: string | null;
  /** When the session ends (ms since epoch); null for tokens, which last until revoked. */
  expiresAt: number | null;
}

/** A token acts under its own name, so the audit log says which script did it. */
export function tokenUsername(name: string): string {
  return `token:${name}`;
}
