import type { Db } from '../store/database.js';
import type { SecretBox } from '../fleet/secret-box.js';
import type { OidcFields } from './oidc-admin-settings.js';

interface ProviderRow {
  fields: string;
  client_secret: string;
}

/** The provider an admin set, as stored: the fields, and the client secret still sealed. */
export interface StoredProvider {
  fields: OidcFields;
  /** The secret, opened; null when BRIDGEBOARD_SECRET_KEY is unset or is not the key it was sealed with. */
  clientSecret: string | null;
}

/**
 * The provider an admin set through the API, in one row: the client secret sealed with the
 * operator's key (SecretBox, as engines' keys are), so the database alone gives it to nobody.
 */
export class OidcStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox | null,
  ) {}

  /** Whether secrets can be kept (BRIDGEBOARD_SECRET_KEY is set). */
  get sealing(): boolean {
    return this.box !== null;
  }

  read(): StoredProvider | null {
    const row = this.db.prepare<[], ProviderRow>('SELECT fields, client_secret FROM oidc_provider WHERE id = 1').get();
    if (!row) return null;
    let clientSecret: string | null = null;
    try {
      clientSecret = this.box ? this.box.open(row.client_secret) : null;
    } catch {
      // A changed key: the admin types the secret again.
    }
    return { fields: JSON.parse(row.fields) as OidcFields, clientSecret };
  }

  /** Callers check `sealing` first: without a key there is nothing to write the secret with. */
  write(fields: OidcFields, clientSecret: string, by: string): void {
    if (!this.box) throw new Error('no BRIDGEBOARD_SECRET_KEY to seal the client secret with');
    this.db
      .prepare(
        `INSERT INTO oidc_provider (id, fields, client_secret, updated_by, updated_at) VALUES (1, ?, ?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET fields = excluded.fields, client_secret = excluded.client_secret,
           updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      )
      .run(JSON.stringify(fields), this.box.seal(clientSecret), by, new Date().toISOString());
  }

  remove(): void {
    this.db.prepare('DELETE FROM oidc_provider WHERE id = 1').run();
  }
}
