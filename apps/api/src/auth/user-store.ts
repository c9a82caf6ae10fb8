import type { EngineRoles, Role, User } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';
import { engineRolesOf } from './engine-roles.js';
import { hashPassword } from './passwords.js';

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  engine_roles: string;
  created_at: string;
  last_login_at: string | null;
}

export interface StoredUser extends User {
  passwordHash: string;
}

function toUser(row: UserRow): StoredUser {
  return {
    username: row.username,
    role: row.role,
    engineRoles: engineRolesOf(row.engine_roles),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
  };
}

export function publicUser({ passwordHash: _, ...user }: StoredUser): User {
  return user;
}

/** Accounts. Removing a user removes their sessions (foreign key cascade). */
export class UserStore {
  constructor(private readonly db: Db) {}

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n;
  }

  find(username: string): StoredUser | null {
    const row = this.db.prepare<[string], UserRow>('SELECT * FROM users WHERE username = ?').get(username);
    return row ? toUser(row) : null;
  }

  list(): StoredUser[] {
    return this.db.prepare<[], UserRow>('SELECT * FROM users ORDER BY username').all().map(toUser);
  }

  /** Null when the name is taken. */
  async create(username: string, password: string, role: Role): Promise<StoredUser | null> {
    const hash = await hashPassword(password);
    const result = this.db
      .prepare('INSERT INTO users (username, password_hash, role, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(username, hash, role, new Date().toISOString());
    return result.changes === 1 ? this.find(username) : null;
  }

  /**
   * Null when the user is gone; `last-admin` when the change would leave no admin. That check is in
   * the UPDATE itself: the slow hash comes first, and another request may have demoted an admin meanwhile.
   */
  async update(
    username: string,
    change: { role?: Role; engineRoles?: EngineRoles; password?: string },
  ): Promise<StoredUser | null | 'last-admin'> {
    const hash = change.password === undefined ? null : await hashPassword(change.password);
    const result = this.db
      .prepare(
        `UPDATE users SET role = COALESCE(@role, role), password_hash = COALESCE(@hash, password_hash),
           engine_roles = COALESCE(@engineRoles, engine_roles)
         WHERE username = @username
           AND NOT (role = 'admin' AND COALESCE(@role, 'admin') <> 'admin' AND (SELECT COUNT(*) FROM users WHERE role = 'admin') <= 1)`,
      )
      .run({ role: change.role ?? null, hash, username, engineRoles: change.engineRoles ? JSON.stringify(change.engineRoles) : null });
    const user = this.find(username);
    return result.changes === 0 && user ? 'last-admin' : user;
  }

  remove(username: string): boolean {
    return this.db.prepare('DELETE FROM users WHERE username = ?').run(username).changes === 1;
  }

  admins(): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
  }

  touchLogin(username: string): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE username = ?').run(new Date().toISOString(), username);
  }
}
