import type { FastifyInstance } from 'fastify';
import { newSecret } from './secrets.js';

export interface BootstrapOptions {
  adminUser: string;
  adminPassword: string | undefined;
  /** Listening on an address other people can reach. */
  exposed: boolean;
}

export class ExposedWithoutUsersError extends Error {}

/**
 * The first admin. With `BRIDGEBOARD_ADMIN_PASSWORD` it is made at start (only if missing: an
 * existing account keeps the password it has). Without it and without users, a one-time setup
 * token goes to the log and the first visitor must present it: there is never a window in which
 * whoever comes first can claim admin.
 */
export async function bootstrapAccounts(fastify: FastifyInstance, opts: BootstrapOptions): Promise<void> {
  if (opts.adminPassword !== undefined) {
    if (fastify.users.find(opts.adminUser)) {
      fastify.log.info({ user: opts.adminUser }, 'admin account exists; BRIDGEBOARD_ADMIN_PASSWORD leaves its password as it is');
    } else {
      await fastify.users.create(opts.adminUser, opts.adminPassword, 'admin');
      fastify.log.info({ user: opts.adminUser }, 'admin account created from BRIDGEBOARD_ADMIN_PASSWORD');
    }
  }
  if (fastify.users.count() > 0) return;
  if (opts.exposed) {
    throw new ExposedWithoutUsersError(
      'Refusing to listen on a non-loopback HOST with no users: set BRIDGEBOARD_ADMIN_PASSWORD (or create a user) first, or listen on 127.0.0.1',
    );
  }
  fastify.setupToken = newSecret(18);
  fastify.log.warn(
    { setupToken: fastify.setupToken },
    'No users yet. Open Bridgeboard in a browser and enter this setup token to create the first admin (or restart with BRIDGEBOARD_ADMIN_PASSWORD set)',
  );
}
