import fp from 'fastify-plugin';
import { AuditLog } from '../audit/audit-log.js';
import { GrantStore } from '../auth/grant-store.js';
import { SessionStore } from '../auth/session-store.js';
import { TokenStore } from '../auth/token-store.js';
import { UserStore } from '../auth/user-store.js';
import { openDatabase, type Db } from '../store/database.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Db;
    users: UserStore;
    sessions: SessionStore;
    tokens: TokenStore;
    grants: GrantStore;
    auditLog: AuditLog;
  }
}

/** The embedded SQLite database and the stores over it. */
export default fp<{ path: string; sessionTtlMs: number }>(
  async (fastify, opts) => {
    const db = openDatabase(opts.path);
    fastify.decorate('db', db);
    fastify.decorate('users', new UserStore(db));
    const sessions = new SessionStore(db, opts.sessionTtlMs);
    fastify.decorate('sessions', sessions);
    fastify.decorate('tokens', new TokenStore(db));
    fastify.decorate('grants', new GrantStore(db));
    fastify.decorate('auditLog', new AuditLog(db));
    fastify.log.info({ path: opts.path }, 'database open');
    // Expired sessions are already refused on read; this only keeps the table from growing.
    sessions.purgeExpired();
    const sweep = setInterval(() => sessions.purgeExpired(), 60 * 60 * 1000);
    sweep.unref();
    fastify.addHook('onClose', async () => {
      clearInterval(sweep);
      db.close();
    });
  },
  { name: 'database' },
);
