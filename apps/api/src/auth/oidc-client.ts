import * as client from 'openid-client';
import type { OidcSettings } from './oidc-settings.js';
import { OidcRefusal } from './oidc-refusal.js';
import { newSecret, sha256 } from './secrets.js';
import type { PendingLogins } from './oidc-pending.js';

/** What the provider vouched for at the callback. */
export interface ProviderIdentity {
  issuer: string;
  subject: string;
  /** The user name claim's value as sent (not yet checked against our user names). */
  username: unknown;
  groups: string[];
  idToken: string;
}

/**
 * openid-client's message and code, and which claim failed: not the claims themselves, which
 * would put the user's token in a trail every role reads.
 */
function reasonOf(err: unknown): string {
  const { message, code, cause } = err as { message?: string; code?: string; cause?: { claim?: unknown; error?: unknown } };
  const claim = typeof cause?.claim === 'string' ? `claim ${cause.claim}` : '';
  const error = typeof cause?.error === 'string' ? `provider said ${cause.error}` : '';
  return [message, code && `(${code})`, claim, error].filter(Boolean).join(' ');
}

/** The `iss` of an ID token this server already checked (so no signature check here). */
function issuerOfToken(idToken: string): unknown {
  try {
    return (JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString()) as { iss?: unknown }).iss;
  } catch {
    return undefined;
  }
}

function claimList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

/**
 * The provider, through openid-client: discovery, the authorization URL (code flow, PKCE S256,
 * random `state` and `nonce`) and the code exchange. openid-client checks the ID token's issuer,
 * audience, expiry and nonce, and, with `enableNonRepudiationChecks`, its signature against the
 * provider's JWKS too (by default it trusts TLS to the token endpoint instead, OIDC Core 3.1.3.7:
 * we want a forged or substituted token refused whatever the transport).
 */
export class OidcClient {
  private discovered: Promise<client.Configuration> | null = null;

  constructor(
    private readonly settings: OidcSettings,
    private readonly pending: PendingLogins,
  ) {}

  /** Discovery runs at the first sign-in and again after a failure: the server starts while the provider is down. */
  private configuration(): Promise<client.Configuration> {
    this.discovered ??= client
      .discovery(this.settings.issuer, this.settings.clientId, this.settings.clientSecret, undefined, {
        execute: [
          client.enableNonRepudiationChecks,
          // config.ts lets plain http through only for a provider on a loopback address (a test, a provider beside the server).
          // eslint-disable-next-line @typescript-eslint/no-deprecated -- deprecated only to stand out, as it does here
          ...(this.settings.issuer.protocol === 'http:' ? [client.allowInsecureRequests] : []),
        ],
      })
      .catch((err: unknown) => {
        this.discovered = null;
        throw new OidcRefusal('unavailable', `the provider's discovery failed: ${(err as Error).message}`, null, { cause: err });
      });
    return this.discovered;
  }

  /**
   * Before an admin's settings are used: discovery (throws OidcRefusal 'unavailable'), then the
   * client's credentials, by redeeming a code that cannot be good. A provider that knows the client
   * answers `invalid_grant`; one that does not know it, or not with this secret, `invalid_client`
   * (Keycloak: `unauthorized_client`) or 401. Returns why the credentials were refused, or null.
   */
  async check(): Promise<string | null> {
    const config = await this.configuration();
    try {
      await client.genericGrantRequest(config, 'authorization_code', {
        code: newSecret(),
        redirect_uri: this.settings.redirectUri,
        code_verifier: client.randomPKCECodeVerifier(),
      });
    } catch (err) {
      if (err instanceof client.WWWAuthenticateChallengeError) return `the provider answered ${err.status}`;
      if (err instanceof client.ResponseBodyError) {
        const refused = err.status === 401 || err.error === 'invalid_client' || err.error === 'unauthorized_client';
        return refused ? `the provider said ${err.error}${err.error_description ? `: ${err.error_description}` : ''}` : null;
      }
      throw new OidcRefusal('unavailable', `the provider's token endpoint failed: ${reasonOf(err)}`, null, { cause: err });
    }
    // A provider that took a made-up code is not one to trust with sign-ins.
    return 'the provider accepted a made-up authorization code';
  }

  /** The provider's authorization URL for a new sign-in, and the secret that binds it to this browser. */
  async start(): Promise<{ url: URL; browserSecret: string }> {
    const config = await this.configuration();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const nonce = client.randomNonce();
    const browserSecret = newSecret();
    const browser = sha256(browserSecret);
    if (!this.pending.add(state, { codeVerifier, nonce, browser })) {
      throw new OidcRefusal('unavailable', 'too many sign-ins in flight: try again in a few minutes');
    }
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUri,
      scope: this.settings.scopes.join(' '),
      response_type: 'code',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
    });
    return { url, browserSecret };
  }

  /**
   * Checks the callback and exchanges its code. `query` is the callback's query string as sent;
   * `browser` the hash of this browser's `bb_oidc` cookie (null without one).
   */
  async finish(query: string, browser: string | null): Promise<ProviderIdentity> {
    const params = new URLSearchParams(query);
    const state = params.get('state');
    // Taken (and so used up) before anything else: a replay of this callback finds nothing.
    const login = state ? this.pending.take(state) : null;
    if (!state || !login) throw new OidcRefusal('state', state ? 'unknown, used or expired state' : 'the callback carries no state');
    if (browser === null || browser !== login.browser) {
      throw new OidcRefusal('state', 'the sign-in was started in another browser (its bb_oidc cookie is missing or different)');
    }
    if (params.has('error')) {
      throw new OidcRefusal(
        'provider',
        `the provider refused: ${params.get('error') ?? ''} ${params.get('error_description') ?? ''}`.trim(),
      );
    }
    const config = await this.configuration();
    const callback = new URL(this.settings.redirectUri);
    callback.search = params.toString();
    let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
    try {
      tokens = await client.authorizationCodeGrant(config, callback, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
    } catch (err) {
      throw new OidcRefusal('token', `the code exchange or the ID token failed a check: ${reasonOf(err)}`, null, { cause: err });
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new OidcRefusal('token', 'the provider sent no ID token');
    let username: unknown = claims[this.settings.usernameClaim];
    let groups: unknown = claims[this.settings.groupsClaim];
    // Many providers put groups (and sometimes the name) only in userinfo.
    if (username === undefined || groups === undefined) {
      const info = await client.fetchUserInfo(config, tokens.access_token, claims.sub).catch((err: unknown) => {
        throw new OidcRefusal('token', `the provider's userinfo failed: ${(err as Error).message}`, null, { cause: err });
      });
      username ??= info[this.settings.usernameClaim];
      groups ??= info[this.settings.groupsClaim];
    }
    return { issuer: claims.iss, subject: claims.sub, username, groups: claimList(groups), idToken: tokens.id_token };
  }

  /** The provider's end-session URL for this ID token, or null when the provider has none. */
  async endSessionUrl(idToken: string): Promise<string | null> {
    const config = await this.configuration().catch(() => null);
    if (!config?.serverMetadata().end_session_endpoint) return null;
    // A session from a provider an admin has since replaced: this one would not know its token.
    if (issuerOfToken(idToken) !== config.serverMetadata().issuer) return null;
    return client
      .buildEndSessionUrl(config, { id_token_hint: idToken, post_logout_redirect_uri: this.settings.postLogoutRedirectUri })
      .toString();
  }
}
