import type { FastifyBaseLogger } from 'fastify';
import type { OidcSettingsBody, OidcSettingsView, OidcSource } from '@bridgeboard/contract';
import { BridgeboardError } from '../errors.js';
import { DEFAULT_FIELDS, fieldsOfSettings, settingsOfFields, type OidcFields } from './oidc-admin-settings.js';
import { OidcClient } from './oidc-client.js';
import { PendingLogins } from './oidc-pending.js';
import { OidcRefusal } from './oidc-refusal.js';
import type { OidcSettings } from './oidc-settings.js';
import type { OidcStore, StoredProvider } from './oidc-store.js';

/** The provider sign-ins go to now. */
export interface OidcInUse {
  settings: OidcSettings;
  client: OidcClient;
}

/** The provider could not be reached or read: a gateway's failure (502), not the request's. */
export class ProviderUnreachable extends Error {
  readonly statusCode = 502;
}

type Redirects = Pick<OidcSettings, 'redirectUri' | 'postLogoutRedirectUri'>;

/**
 * Which provider single sign-on uses: the environment's (`OIDC_*`, which wins and cannot be changed
 * here), else the one an admin saved, else none. An admin's change takes effect at once: the new
 * provider gets its own client and its own pending sign-ins, so a sign-in started with the old one
 * comes back to a state nobody knows and is refused as such (`/login?error=state`).
 */
export class OidcConfiguration {
  #inUse: OidcInUse | null = null;
  /** The admin's row, read once (opening the secret costs a scrypt): this server is the only one to change it. */
  #stored: StoredProvider | null = null;

  constructor(
    private readonly environment: OidcSettings | null,
    private readonly store: OidcStore,
    /** From PUBLIC_URL; null without it, and then no provider can be set. */
    private readonly redirects: Redirects | null,
    private readonly log: FastifyBaseLogger,
  ) {
    if (environment) {
      this.#inUse = { settings: environment, client: new OidcClient(environment, new PendingLogins()) };
      return;
    }
    const stored = store.read();
    this.#stored = stored;
    if (!stored) return;
    // What was valid when saved may not be now (PUBLIC_URL unset, the key changed): the server
    // starts without single sign-on and says why; local accounts still sign in.
    try {
      if (stored.clientSecret === null) throw new Error('its client secret does not open: is BRIDGEBOARD_SECRET_KEY set, and the same?');
      if (!redirects) throw new Error('PUBLIC_URL is not set');
      const settings = settingsOfFields(stored.fields, stored.clientSecret, redirects);
      this.#inUse = { settings, client: new OidcClient(settings, new PendingLogins()) };
    } catch (err) {
      log.error(`single sign-on set by an admin is off: ${(err as Error).message}; set it again on the Users page`);
    }
  }

  get inUse(): OidcInUse | null {
    return this.#inUse;
  }

  get source(): OidcSource {
    if (this.environment) return 'environment';
    return this.#stored ? 'admin' : null;
  }

  view(): OidcSettingsView {
    const stored = this.environment ? null : this.#stored;
    const fields = this.environment ? fieldsOfSettings(this.environment) : (stored?.fields ?? DEFAULT_FIELDS);
    return {
      source: this.source,
      ...fields,
      secretSet: this.environment !== null || (stored?.clientSecret ?? null) !== null,
      redirectUri: this.environment?.redirectUri ?? this.redirects?.redirectUri ?? null,
      secretKeySet: this.store.sealing,
    };
  }

  /**
   * Checks the settings with the provider (discovery, the client's credentials) and only then
   * stores them and switches to them; any refusal changes nothing.
   */
  async save(body: OidcSettingsBody, by: string): Promise<OidcSettingsView> {
    this.#refuseWhenEnvironment();
    if (!this.redirects) {
      throw new BridgeboardError(
        'conflict',
        'single sign-on needs PUBLIC_URL: the provider sends users back to <PUBLIC_URL>/api/auth/oidc/callback; start the server with it set',
      );
    }
    if (!this.store.sealing) {
      throw new BridgeboardError(
        'conflict',
        'the server keeps the client secret only encrypted: start it with BRIDGEBOARD_SECRET_KEY set to save a provider',
      );
    }
    const { clientSecret: given, ...fields } = body;
    // The stored secret goes only to the provider and client it was given for, never to a new issuer an admin names.
    const stored = this.#stored;
    if (given === undefined && stored && (fields.issuer !== stored.fields.issuer || fields.clientId !== stored.fields.clientId)) {
      throw new BridgeboardError('invalid', 'body/clientSecret is required when the issuer or the client id changes');
    }
    const clientSecret = given ?? stored?.clientSecret ?? null;
    if (clientSecret === null) throw new BridgeboardError('invalid', 'body/clientSecret is required: no client secret is stored yet');
    const settings = settingsOfFields(fields, clientSecret, this.redirects);
    const client = new OidcClient(settings, new PendingLogins());
    let refused: string | null;
    try {
      refused = await client.check();
    } catch (err) {
      if (!(err instanceof OidcRefusal)) throw err;
      throw new ProviderUnreachable(`body/issuer: the provider at ${settings.issuer.href} could not be used: ${err.message}`);
    }
    if (refused !== null) {
      throw new BridgeboardError(
        'invalid',
        `body/clientSecret: the provider at ${settings.issuer.href} refused client '${settings.clientId}' with this secret (${refused})`,
      );
    }
    this.store.write(fields satisfies OidcFields, clientSecret, by);
    this.#stored = { fields, clientSecret };
    this.#inUse = { settings, client };
    this.log.info({ issuer: settings.issuer.href, by }, 'single sign-on provider set by an admin');
    return this.view();
  }

  /** Single sign-on off: the stored provider is forgotten, secret and all. Accounts it made stay (an admin may remove them). */
  turnOff(by: string): void {
    this.#refuseWhenEnvironment();
    this.store.remove();
    this.#stored = null;
    if (this.#inUse) this.log.info({ issuer: this.#inUse.settings.issuer.href, by }, 'single sign-on turned off by an admin');
    this.#inUse = null;
  }

  #refuseWhenEnvironment(): void {
    if (this.environment) {
      throw new BridgeboardError(
        'conflict',
        "single sign-on is configured by the server's environment (OIDC_ISSUER), which wins: change it there, or unset OIDC_ISSUER to set it here",
      );
    }
  }
}
