import { ExposedWithoutUsersError } from './auth/bootstrap.js';
import { verifyPassword } from './auth/passwords.js';
import { buildServer } from './build.js';
import { ConfigError, type Config } from './config.js';

/** Only say "sign in with BRIDGEBOARD_ADMIN_PASSWORD" when it is the account's password (an existing account keeps its own). */
async function adminPasswordWorks(hash: string | undefined, password: string | undefined): Promise<boolean> {
  return hash !== undefined && password !== undefined && (await verifyPassword(hash, password));
}

/** Past this, shutdown gives up waiting (a stuck request, a hung engine call) and exits 1. */
const SHUTDOWN_DEADLINE_MS = 10_000;

/**
 * Runs Bridgeboard as a service until SIGTERM or SIGINT: `server.ts` and `bridgeboard serve`.
 * Shutdown is Fastify's close, in its hook order: stop accepting and close idle keep-alive
 * connections, `preClose` closes every socket.io connection, then `onClose` ends the engine's
 * event stream and closes the database; exit 0, or 1 if that takes longer than 10 s.
 */
export async function serve(config: Config): Promise<void> {
  let server;
  try {
    server = await buildServer({ config }, { logger: { level: config.LOG_LEVEL } });
  } catch (err) {
    // Refusals the operator must act on (PUBLIC_URL missing on a non-loopback HOST, no users): said plainly.
    if (!(err instanceof ExposedWithoutUsersError || err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
  const url = await server.listen({ port: config.PORT, host: config.HOST });

  // Printed plainly, not only as a log line: the first thing a new user needs is how to get in.
  if (server.setupToken) {
    console.log(
      `\nBridgeboard is at ${url}\nFirst start: open it and enter this setup token to create the admin account:\n\n    ${server.setupToken}\n`,
    );
  } else if (await adminPasswordWorks(server.users.find(config.BRIDGEBOARD_ADMIN_USER)?.passwordHash, config.BRIDGEBOARD_ADMIN_PASSWORD)) {
    console.log(
      `\nBridgeboard is at ${url}\nSign in as '${config.BRIDGEBOARD_ADMIN_USER}' with the password in BRIDGEBOARD_ADMIN_PASSWORD.\n`,
    );
  } else {
    console.log(
      `\nBridgeboard is at ${url}\nSign in with your account (${server.users.count()} users in ${config.DATABASE_PATH ?? config.DATA_DIR}).\n`,
    );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    // A second Ctrl-C means "now": skip the wait.
    if (closing) process.exit(1);
    closing = true;
    const started = Date.now();
    server.log.info({ signal, sockets: server.io.of('/').sockets.size }, 'shutting down');
    const force = setTimeout(() => {
      server.log.error({ signal, afterMs: Date.now() - started }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS);
    force.unref();
    server.close().then(
      () => {
        server.log.info({ signal, tookMs: Date.now() - started }, 'shut down');
        process.exit(0);
      },
      (err: unknown) => {
        server.log.error({ err, signal }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}
