import { randomBytes } from 'node:crypto';
import type { ApiToken, EngineRoles, Role } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';
import { engineRolesOf } from './engine-roles.js';
import { newSecret, sha256 } from './secrets.js';

interface TokenRow {
  id: string;
  name: string;
  role: Role;
  engine_roles: string;
  created_by: string;
  created_at: string;
  last_used_at: string | null;
}

function toToken(row: TokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    role: row.role,
    engineRoles: engineRolesOf(row.engine_roles),
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/** The prefix lets secret scanners and people recognise a leaked Bridgeboard token. */
const PREFIX = 'bbt_';

/** API tokens for scripts: shown once, kept as a hash, sent as `Authorization: Bearer`. */
export class TokenStore {
  constructor(private readonly db: Db) {}

  create(name: string, role: Role, createdBy: string, engineRoles: EngineRoles = {}): { token: ApiToken; secret: string } {
    const id = randomBytes(8).toString('hex');
    const secret = `${PREFIX}${newSecret()}`;
    this.db
      .prepare('INSERT INTO tokens (id, secret_hash, name, role, engine_roles, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, sha256(secret), name, role, JSON.stringify(engineRoles), createdBy, new Date().toISOString());
    const token = this.byId(id);
    if (!token) throw new Error('token vanished right after it was made');
    return { token, secret };
  }

  find(secret: string): ApiToken | null {
    if (!secret.startsWith(PREFIX)) return null;
    const row = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE secret_hash = ?').get(sha256(secret));
    if (!row) return null;
    this.db.prepare('UPDATE tokens SET last_used_at = ? WHERE id = ?').run(new Date().toISOString(), row.id);
    return toToken(row);
  }

  byId(id: string): ApiToken | null {
    const row = this.db.prepare<[string], TokenRow>('SELECT * FROM tokens WHERE id = ?').get(id);
    return row ? toToken(row) : null;
  }

  list(): ApiToken[] {
    return this.db.prepare<[], TokenRow>('SELECT * FROM tokens ORDER BY created_at DESC').all().map(toToken);
  }

  /** Names are how the audit and presence know a token, so they are kept unique. */
  nameTaken(name: string): boolean {
    return this.db.prepare<[string], { id: string }>('SELECT id FROM tokens WHERE name = ?').get(name) !== undefined;
  }

  /** Revokes every token `username` made; the ids, to end their sockets. */
  revokeMadeBy(username: string): string[] {
    const ids = this.db
      .prepare<[string], { id: string }>('SELECT id FROM tokens WHERE created_by = ?')
      .all(username)
      .map((r) => r.id);
    this.db.prepare('DELETE FROM tokens WHERE created_by = ?').run(username);
    return ids;
  }

  revoke(id: string): boolean {
    return this.db.prepare('DELETE FROM tokens WHERE id = ?').run(id).changes === 1;
  }
}
