import type { EngineRoles, Role } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';
import { engineRolesOf } from './engine-roles.js';
import { groupsOf } from './groups.js';
import { newSecret, sha256 } from './secrets.js';

export interface Session {
  /** The hash of the cookie's secret: what logs, rooms and the database use. */
  id: string;
  username: string;
  role: Role;
  engineRoles: EngineRoles;
  /** The user's provider groups at its last sign-in (none for a local account). */
  groups: string[];
  expiresAt: number;
}

/**
 * Server-side sessions: the cookie holds a random secret, the database its hash, so a copy of the
 * database signs nobody in and signing out really ends the session.
 */
export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  create(username: string): { secret: string; session: Session } {
    const secret = newSecret();
    const id = sha256(secret);
    const expiresAt = Date.now() + this.ttlMs;
    this.db
      .prepare('INSERT INTO sessions (id_hash, username, created_at, expires_at) VALUES (?, ?, ?, ?)')
      .run(id, username, new Date().toISOString(), expiresAt);
    const session = this.byId(id);
    if (!session) throw new Error('session vanished right after it was made');
    return { secret, session };
  }

  /** The live session the cookie secret names, or null (unknown, expired, user gone). */
  find(secret: string): Session | null {
    return this.byId(sha256(secret));
  }

  private byId(id: string): Session | null {
    const row = this.db
      .prepare<
        [string, number],
        { id_hash: string; username: string; role: Role; engine_roles: string; groups: string; expires_at: number }
      >(
        'SELECT s.id_hash, s.username, u.role, u.engine_roles, u.groups, s.expires_at FROM sessions s JOIN users u USING (username) WHERE s.id_hash = ? AND s.expires_at > ?',
      )
      .get(id, Date.now());
    return row
      ? {
          id: row.id_hash,
          username: row.username,
          role: row.role,
          engineRoles: engineRolesOf(row.engine_roles),
          groups: groupsOf(row.groups),
          expiresAt: row.expires_at,
        }
      : null;
  }

  remove(id: string): void {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(id);
  }

  removeForUser(username: string): void {
    this.db.prepare('DELETE FROM sessions WHERE username = ?').run(username);
  }

  purgeExpired(): number {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(Date.now()).changes;
  }
}
