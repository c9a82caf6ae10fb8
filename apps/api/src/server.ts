import { ExposedWithoutUsersError } from './auth/bootstrap.js';
import { buildServer } from './build.js';
import { ConfigError, loadConfig } from './config.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}

let server;
try {
  server = await buildServer({ config }, { logger: { level: config.LOG_LEVEL } });
} catch (err) {
  if (!(err instanceof ExposedWithoutUsersError)) throw err;
  console.error(err.message);
  process.exit(1);
}
const url = await server.listen({ port: config.PORT, host: config.HOST });

// Printed plainly, not only as a log line: the first thing a new user needs is how to get in.
if (server.setupToken) {
  console.log(
    `\nBridgeboard is at ${url}\nFirst start: open it and enter this setup token to create the admin account:\n\n    ${server.setupToken}\n`,
  );
} else if (config.BRIDGEBOARD_ADMIN_PASSWORD !== undefined) {
  console.log(
    `\nBridgeboard is at ${url}\nSign in as '${config.BRIDGEBOARD_ADMIN_USER}' with the password in BRIDGEBOARD_ADMIN_PASSWORD.\n`,
  );
} else {
  console.log(
    `\nBridgeboard is at ${url}\nSign in with your account (${server.users.count()} users in ${config.DATABASE_PATH ?? config.DATA_DIR}).\n`,
  );
}

const shutdown = (signal: string) => {
  server.log.info({ signal }, 'shutting down');
  const force = setTimeout(() => process.exit(1), 10_000);
  force.unref();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once('SIGTERM', () => shutdown('SIGTERM'));
process.once('SIGINT', () => shutdown('SIGINT'));
