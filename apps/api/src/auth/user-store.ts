import type { EngineRoles, Role, User } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';
import { engineRolesOf } from './engine-roles.js';
import { groupsOf } from './groups.js';
import type { GrantedRoles } from './oidc-roles.js';
import { hashPassword } from './passwords.js';
import { newSecret } from './secrets.js';

interface UserRow {
  username: string;
  password_hash: string;
  role: Role;
  engine_roles: string;
  created_at: string;
  last_login_at: string | null;
  disabled: number;
  source: 'local' | 'oidc';
  oidc_issuer: string | null;
  oidc_subject: string | null;
  groups: string;
}

export interface StoredUser extends User {
  passwordHash: string;
  /** Shut out by an admin: no sign-in of any kind. */
  disabled: boolean;
  /** `local`: signs in with a password; `oidc`: only through its provider (`oidc` names it). */
  source: 'local' | 'oidc';
  oidc: { issuer: string; subject: string } | null;
  /** Its provider groups at the last sign-in. */
  groups: string[];
}

function toUser(row: UserRow): StoredUser {
  return {
    username: row.username,
    role: row.role,
    engineRoles: engineRolesOf(row.engine_roles),
    createdAt: row.created_at,
    lastLoginAt: row.last_login_at,
    passwordHash: row.password_hash,
    disabled: row.disabled !== 0,
    source: row.source,
    oidc: row.oidc_issuer !== null && row.oidc_subject !== null ? { issuer: row.oidc_issuer, subject: row.oidc_subject } : null,
    groups: groupsOf(row.groups),
  };
}

export function publicUser({ passwordHash: _, disabled: _d, source: _s, oidc: _o, groups: _g, ...user }: StoredUser): User {
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

  /** The account a provider's user signs in to: by issuer and subject, never by name (a name can be renamed or reused). */
  findByOidc(issuer: string, subject: string): StoredUser | null {
    const row = this.db
      .prepare<[string, string], UserRow>('SELECT * FROM users WHERE oidc_issuer = ? AND oidc_subject = ?')
      .get(issuer, subject);
    return row ? toUser(row) : null;
  }

  /**
   * A provider's user, first sign-in. Its password is the hash of a secret nobody keeps, so no
   * password signs it in; the sign-in route refuses `oidc` accounts anyway. Null when the name is taken.
   */
  async createFromOidc(username: string, identity: { issuer: string; subject: string }, roles: GrantedRoles): Promise<StoredUser | null> {
    const hash = await hashPassword(newSecret());
    const result = this.db
      .prepare(
        `INSERT INTO users (username, password_hash, role, engine_roles, created_at, source, oidc_issuer, oidc_subject)
         VALUES (?, ?, ?, ?, ?, 'oidc', ?, ?) ON CONFLICT DO NOTHING`,
      )
      .run(username, hash, roles.role, JSON.stringify(roles.engineRoles), new Date().toISOString(), identity.issuer, identity.subject);
    return result.changes === 1 ? this.find(username) : null;
  }

  /**
   * A provider's user's roles, as its groups say at this sign-in. The provider is the truth for
   * these accounts, so the last-admin rule of `update` does not hold them back (a local admin is
   * the break-glass account).
   */
  setRoles(username: string, roles: GrantedRoles): void {
    this.db
      .prepare('UPDATE users SET role = ?, engine_roles = ? WHERE username = ?')
      .run(roles.role, JSON.stringify(roles.engineRoles), username);
  }

  /**
   * Shuts an account out (or lets it back in). Null when the user is gone; `last-admin` when it is
   * the last admin who is not disabled: checked in the UPDATE itself, as `update` does.
   */
  setDisabled(username: string, disabled: boolean): StoredUser | null | 'last-admin' {
    const result = this.db
      .prepare(
        `UPDATE users SET disabled = @disabled WHERE username = @username
           AND NOT (@disabled = 1 AND role = 'admin' AND disabled = 0
                    AND (SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled = 0) <= 1)`,
      )
      .run({ disabled: disabled ? 1 : 0, username });
    const user = this.find(username);
    return result.changes === 0 && user ? 'last-admin' : user;
  }

  /** A provider's user's groups, as this sign-in's ID token or userinfo says: what its group grants follow. */
  setGroups(username: string, groups: readonly string[]): void {
    this.db.prepare('UPDATE users SET groups = ? WHERE username = ?').run(JSON.stringify([...new Set(groups)].sort()), username);
  }

  touchLogin(username: string): void {
    this.db.prepare('UPDATE users SET last_login_at = ? WHERE username = ?').run(new Date().toISOString(), username);
  }
}
