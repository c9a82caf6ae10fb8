import fp from 'fastify-plugin';
import { OidcClient } from './oidc-client.js';
import { PendingLogins } from './oidc-pending.js';
import type { OidcSettings } from './oidc-settings.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Single sign-on; null when no provider is configured. */
    oidc: { settings: OidcSettings; client: OidcClient } | null;
    /**
     * For a session that came through single sign-on, the provider's end-session URL (with the
     * session's ID token as `id_token_hint`); null otherwise. Ask before the session ends.
     */
    oidcSignOutUrl(sessionId: string): Promise<string | null>;
    /** Keeps the ID token a session came with, for its sign-out. */
    rememberIdToken(sessionId: string, idToken: string): void;
  }
}

/** The provider (openid-client) and what single sign-on keeps beside a session. */
export default fp<{ settings: OidcSettings | null }>(
  async (fastify, opts) => {
    const { settings } = opts;
    fastify.decorate('oidc', settings ? { settings, client: new OidcClient(settings, new PendingLogins()) } : null);
    fastify.decorate('rememberIdToken', (sessionId: string, idToken: string) => {
      // The row goes with its session (foreign key cascade).
      fastify.db.prepare('INSERT INTO oidc_sessions (session_id_hash, id_token) VALUES (?, ?)').run(sessionId, idToken);
    });
    fastify.decorate('oidcSignOutUrl', async (sessionId: string) => {
      if (!fastify.oidc) return null;
      const row = fastify.db
        .prepare<[string], { id_token: string }>('SELECT id_token FROM oidc_sessions WHERE session_id_hash = ?')
        .get(sessionId);
      return row ? fastify.oidc.client.endSessionUrl(row.id_token) : null;
    });
  },
  { name: 'oidc', dependencies: ['database', 'auth'] },
);
