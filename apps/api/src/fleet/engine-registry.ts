import type { EngineBody } from '@bridgeboard/contract';
import { BridgeboardError } from '../errors.js';
import type { Db } from '../store/database.js';
import type { SecretBox } from './secret-box.js';

interface EngineRow {
  id: string;
  name: string | null;
  host: string;
  tls_ca: string | null;
  tls_cert: string | null;
  /** ssh:// only: the pinned host key; public, so kept in the clear like the host. */
  ssh_host_key: string | null;
  secrets: string | null;
}

/** What is sealed: the parts of a declaration that let someone act as this server on the engine. */
interface Secrets {
  tlsKey?: string;
  sshKey?: string;
  passphrase?: string;
}

/**
 * The engines an admin added, kept in the database. Certificates are public and kept as they are;
 * the TLS client key, the SSH key and its passphrase are sealed with the operator's key (SecretBox),
 * and only ever opened to connect. Without `BRIDGEBOARD_SECRET_KEY`, engines that need a secret
 * cannot be added (and those stored cannot be opened).
 */
export class EngineRegistry {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox | null,
  ) {}

  list(): EngineBody[] {
    return this.db
      .prepare<[], EngineRow>('SELECT id, name, host, tls_ca, tls_cert, ssh_host_key, secrets FROM engines ORDER BY created_at, id')
      .all()
      .map((row) => this.#declarationOf(row));
  }

  /** The stored declaration of one engine, its secrets opened; null when no admin added it. */
  get(id: string): EngineBody | null {
    const row = this.db
      .prepare<[string], EngineRow>('SELECT id, name, host, tls_ca, tls_cert, ssh_host_key, secrets FROM engines WHERE id = ?')
      .get(id);
    return row ? this.#declarationOf(row) : null;
  }

  add(body: EngineBody, by: string): void {
    const { secrets, tlsCa, tlsCert } = this.#stored(body);
    this.db
      .prepare(
        'INSERT INTO engines (id, name, host, tls_ca, tls_cert, ssh_host_key, secrets, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(body.id, body.name ?? null, body.host, tlsCa, tlsCert, body.ssh?.hostKey ?? null, secrets, by, new Date().toISOString());
  }

  /** Writes a new declaration over an engine's stored one (who added it, and when, stay). */
  replace(body: EngineBody): void {
    const { secrets, tlsCa, tlsCert } = this.#stored(body);
    this.db
      .prepare('UPDATE engines SET name = ?, host = ?, tls_ca = ?, tls_cert = ?, ssh_host_key = ?, secrets = ? WHERE id = ?')
      .run(body.name ?? null, body.host, tlsCa, tlsCert, body.ssh?.hostKey ?? null, secrets, body.id);
  }

  /** The columns of a declaration: certificates as they are, the secrets sealed (refused without a key). */
  #stored(body: EngineBody): { secrets: string | null; tlsCa: string | null; tlsCert: string | null } {
    const secrets: Secrets = {
      ...(body.tls ? { tlsKey: body.tls.key } : {}),
      ...(body.ssh ? { sshKey: body.ssh.privateKey } : {}),
      ...(body.ssh?.passphrase ? { passphrase: body.ssh.passphrase } : {}),
    };
    const sealing = Object.keys(secrets).length > 0;
    if (sealing && !this.box) {
      throw new BridgeboardError(
        'conflict',
        'this engine needs a key or passphrase, and the server keeps those only encrypted: start it with BRIDGEBOARD_SECRET_KEY set',
      );
    }
    return {
      secrets: sealing && this.box ? this.box.seal(JSON.stringify(secrets)) : null,
      tlsCa: body.tls?.ca ?? null,
      tlsCert: body.tls?.cert ?? null,
    };
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM engines WHERE id = ?').run(id);
  }

  #declarationOf(row: EngineRow): EngineBody {
    if (row.secrets !== null && !this.box) {
      throw new BridgeboardError(
        'unavailable',
        `engine '${row.id}' has stored secrets, and BRIDGEBOARD_SECRET_KEY is not set to open them`,
      );
    }
    const secrets = row.secrets === null || !this.box ? {} : (JSON.parse(this.box.open(row.secrets)) as Secrets);
    return {
      id: row.id,
      ...(row.name ? { name: row.name } : {}),
      host: row.host,
      ...(row.tls_ca && row.tls_cert && secrets.tlsKey ? { tls: { ca: row.tls_ca, cert: row.tls_cert, key: secrets.tlsKey } } : {}),
      ...(secrets.sshKey
        ? {
            ssh: {
              privateKey: secrets.sshKey,
              ...(secrets.passphrase ? { passphrase: secrets.passphrase } : {}),
              // An engine stored before host keys were pinned has none: it is refused at every handshake until an admin pins one.
              ...(row.ssh_host_key ? { hostKey: row.ssh_host_key } : {}),
            },
          }
        : {}),
    };
  }
}
