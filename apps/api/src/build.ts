import Fastify, { type FastifyServerOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import app, { serverOptions, type AppOptions } from './app.js';

/** A ready Fastify instance with the app inside, for `server.ts` and the tests alike. */
export async function buildServer(opts: AppOptions, fastifyOptions: FastifyServerOptions = {}) {
  const fastify = Fastify({ ...serverOptions, ...fastifyOptions }).withTypeProvider<TypeBoxTypeProvider>();
  // fp: the app's decorators (docker, topology, io) stay visible on the instance tests hold.
  await fastify.register(fp(app), opts);
  await fastify.ready();
  return fastify;
}
