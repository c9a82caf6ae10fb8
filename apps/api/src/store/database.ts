import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Each entry moves the schema one version on; `user_version` says how far a file has come. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE users (
     username TEXT PRIMARY KEY,
     password_hash TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
     created_at TEXT NOT NULL,
     last_login_at TEXT
   );
   CREATE TABLE sessions (
     id_hash TEXT PRIMARY KEY,
     username TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
     created_at TEXT NOT NULL,
     expires_at INTEGER NOT NULL
   );
   CREATE INDEX sessions_by_user ON sessions(username);
   CREATE TABLE tokens (
     id TEXT PRIMARY KEY,
     secret_hash TEXT NOT NULL UNIQUE,
     name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL,
     last_used_at TEXT
   );
   CREATE TABLE audit (
     id INTEGER PRIMARY KEY AUTOINCREMENT,
     at TEXT NOT NULL,
     user TEXT,
     role TEXT,
     action TEXT NOT NULL,
     network TEXT,
     container TEXT,
     params TEXT NOT NULL,
     result TEXT NOT NULL,
     status_code INTEGER NOT NULL,
     error TEXT,
     client TEXT NOT NULL
   );
   CREATE INDEX audit_by_user ON audit(user);
   CREATE INDEX audit_by_network ON audit(network);
   CREATE INDEX audit_by_container ON audit(container);`,
  // AUDIT_RETENTION_DAYS deletes by time; without this each prune reads the whole table.
  `CREATE INDEX audit_by_at ON audit(at);`,
  // The fleet: which engine an action was on (null for actions on no engine: sign-in, users, tokens).
  `ALTER TABLE audit ADD COLUMN engine TEXT;
   CREATE INDEX audit_by_engine ON audit(engine);
   CREATE TABLE engines (
     id TEXT PRIMARY KEY,
     name TEXT,
     host TEXT NOT NULL,
     tls_ca TEXT,
     tls_cert TEXT,
     secrets TEXT,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );`,
  // Per-engine roles over each account's and token's default role: JSON `{ engine: role }`.
  `ALTER TABLE users ADD COLUMN engine_roles TEXT NOT NULL DEFAULT '{}';
   ALTER TABLE tokens ADD COLUMN engine_roles TEXT NOT NULL DEFAULT '{}';`,
  // An ssh:// engine's pinned host key (`ssh-ed25519 AAAA…`): public, so not among the sealed secrets.
  `ALTER TABLE engines ADD COLUMN ssh_host_key TEXT;`,
  // Single sign-on (issue 15): an account is local (a password) or its provider's (issuer + subject,
  // which never change, unlike the name). `disabled`: an admin shut it out; sign-in is refused.
  // The ID token a session came with, for the provider's sign-out (`id_token_hint`).
  `ALTER TABLE users ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;
   ALTER TABLE users ADD COLUMN source TEXT NOT NULL DEFAULT 'local' CHECK (source IN ('local', 'oidc'));
   ALTER TABLE users ADD COLUMN oidc_issuer TEXT;
   ALTER TABLE users ADD COLUMN oidc_subject TEXT;
   CREATE UNIQUE INDEX users_by_oidc_identity ON users(oidc_issuer, oidc_subject) WHERE oidc_issuer IS NOT NULL;
   CREATE TABLE oidc_sessions (
     session_id_hash TEXT PRIMARY KEY REFERENCES sessions(id_hash) ON DELETE CASCADE,
     id_token TEXT NOT NULL
   );`,
  // Grants (issue 15): a role over a scope (all engines, one engine, one engine's networks by label
  // or name pattern) for a user, a provider group or a token. A user's groups are the provider's
  // at the last sign-in. An audit entry names what allowed it: the caller's own role or a grant.
  `CREATE TABLE grants (
     id TEXT PRIMARY KEY,
     subject_kind TEXT NOT NULL CHECK (subject_kind IN ('user', 'group', 'token')),
     subject_name TEXT NOT NULL,
     role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
     scope TEXT NOT NULL,
     created_by TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE INDEX grants_by_subject ON grants(subject_kind, subject_name);
   ALTER TABLE users ADD COLUMN groups TEXT NOT NULL DEFAULT '[]';
   ALTER TABLE audit ADD COLUMN allowed_by TEXT;`,
  // Single sign-on set by an admin (issue 15), when the environment sets none: one provider, its
  // fields as JSON and its client secret sealed with BRIDGEBOARD_SECRET_KEY (SecretBox).
  `CREATE TABLE oidc_provider (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     fields TEXT NOT NULL,
     client_secret TEXT NOT NULL,
     updated_by TEXT NOT NULL,
     updated_at TEXT NOT NULL
   );`,
];

/** Opens (creating when needed) the database file and brings its schema up to date. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // Another process (the CLI, a second server) may hold the write lock for a moment.
  db.pragma('busy_timeout = 5000');
  const from = db.pragma('user_version', { simple: true }) as number;
  db.transaction(() => {
    for (let version = from; version < MIGRATIONS.length; version++) db.exec(MIGRATIONS[version] ?? '');
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  })();
  return db;
}

export function setting(db: Db, key: string, make: () => string): string {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key);
  if (row) return row.value;
  const value = make();
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run(key, value);
  return value;
}
