import fp from 'fastify-plugin';
import { SecretBox } from '../fleet/secret-box.js';
import { OidcConfiguration, type OidcInUse } from './oidc-configuration.js';
import type { OidcSettings } from './oidc-settings.js';
import { OidcStore } from './oidc-store.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Single sign-on's provider now; null when none is configured. It changes when an admin sets
     * or turns off the provider: a handler reads it once and keeps what it got.
     */
    readonly oidc: OidcInUse | null;
    /** Where the provider comes from, and an admin's changes to it (`/api/settings/oidc`). */
    oidcConfiguration: OidcConfiguration;
    /**
     * For a session that came through single sign-on, the provider's end-session URL (with the
     * session's ID token as `id_token_hint`); null otherwise. Ask before the session ends.
     */
    oidcSignOutUrl(sessionId: string): Promise<string | null>;
    /** Keeps the ID token a session came with, for its sign-out. */
    rememberIdToken(sessionId: string, idToken: string): void;
  }
}

export interface OidcPluginOptions {
  /** The `OIDC_*` settings; null when OIDC_ISSUER is unset (an admin may then set a provider). */
  environment: OidcSettings | null;
  /** From PUBLIC_URL; null without it. */
  redirects: Pick<OidcSettings, 'redirectUri' | 'postLogoutRedirectUri'> | null;
  /** `BRIDGEBOARD_SECRET_KEY`: seals the client secret an admin gives. */
  secretKey?: string | undefined;
}

/** The provider (openid-client) and what single sign-on keeps beside a session. */
export default fp<OidcPluginOptions>(
  async (fastify, opts) => {
    const store = new OidcStore(fastify.db, opts.secretKey ? new SecretBox(opts.secretKey) : null);
    const configuration = new OidcConfiguration(opts.environment, store, opts.redirects, fastify.log);
    fastify.decorate('oidcConfiguration', configuration);
    fastify.decorate('oidc', { getter: () => configuration.inUse });
    fastify.decorate('rememberIdToken', (sessionId: string, idToken: string) => {
      // The row goes with its session (foreign key cascade).
      fastify.db.prepare('INSERT INTO oidc_sessions (session_id_hash, id_token) VALUES (?, ?)').run(sessionId, idToken);
    });
    fastify.decorate('oidcSignOutUrl', async (sessionId: string) => {
      const sso = fastify.oidc;
      if (!sso) return null;
      const row = fastify.db
        .prepare<[string], { id_token: string }>('SELECT id_token FROM oidc_sessions WHERE session_id_hash = ?')
        .get(sessionId);
      return row ? sso.client.endSessionUrl(row.id_token) : null;
    });
  },
  { name: 'oidc', dependencies: ['database', 'auth'] },
);
