import Fastify, { type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { REDACTED_LOG_PATHS, serverOptions, type AppOptions } from './app.js';
import { trustProxyOf } from './config.js';

/**
 * A ready Fastify instance with the app inside, for `server.ts` and the tests alike. A logger given
 * as options always gets the redaction list, so no caller can log a credential by forgetting it.
 */
export async function buildServer(opts: AppOptions, fastifyOptions: FastifyServerOptions = {}) {
  const logger =
    typeof fastifyOptions.logger === 'object' ? { ...fastifyOptions.logger, redact: { paths: REDACTED_LOG_PATHS } } : fastifyOptions.logger;
  const fastify = Fastify({
    ...serverOptions,
    trustProxy: trustProxyOf(opts.config),
    ...fastifyOptions,
    logger,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // fp: the app's decorators (docker, topology, io) stay visible on the instance tests hold.
  await fastify.register(fp(app), opts);
  await fastify.ready();
  return fastify;
}
