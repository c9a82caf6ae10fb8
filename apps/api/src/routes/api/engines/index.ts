import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  EngineBody,
  EngineParams,
  EngineSummarySchema,
  EngineTestResponse,
  EngineUpdateBody,
  EnginesResponse,
  ErrorResponse,
  MutationErrors,
  type EngineSummary,
  maySee,
} from '@bridgeboard/contract';
import { BridgeboardError } from '../../../errors.js';
import type { Engine } from '../../../fleet/engine.js';
import { specOf } from '../../../fleet/engine-declaration.js';
import { testEngine } from '../../../fleet/engine-test.js';
import { atPrefix } from '../at-prefix.js';
import access from './access.js';
import containers from './containers.js';
import exportRoutes from './export.js';
import exposureRoutes from './exposure.js';
import migrations from './migrations.js';
import connections from './networks/connections.js';
import edit from './networks/edit.js';
import networks from './networks/index.js';
import reachability from './reachability.js';
import topology from './topology.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The engine named by the route's `:engine`, resolved before the handler runs (routes under /api/engines/:engine). */
    engine: Engine;
  }
}

export interface EngineRoutesOptions {
  probeConcurrency: number;
}

/**
 * The fleet's engines, and under `/:engine` everything that reads or changes one of them. The
 * scope resolves the engine once, before any handler: a handler is handed an Engine, never an id.
 */
/** An engine of the environment or the engines file is changed there, not through the API. */
function notAddedHere({ id, source }: EngineSummary): BridgeboardError {
  const where = source === 'file' ? 'the engines file (ENGINES_FILE)' : "the server's environment (DOCKER_HOST)";
  return new BridgeboardError('conflict', `engine '${id}' comes from ${where}: change or remove it there`);
}

/**
 * An edit's ssh part over the stored one: a new private key brings its own passphrase (or none);
 * left out, the stored key and passphrase stay. The pinned host key stays while the host (name and
 * port) does; another host is another machine, whose key the admin pins anew.
 */
function sshOf(given: EngineUpdateBody['ssh'], stored: EngineBody['ssh'], sameHost: boolean): Pick<EngineBody, 'ssh'> {
  const privateKey = given?.privateKey ?? stored?.privateKey;
  if (privateKey === undefined) return {};
  const passphrase = given?.passphrase ?? (given?.privateKey === undefined ? stored?.passphrase : undefined);
  const hostKey = given?.hostKey ?? (sameHost ? stored?.hostKey : undefined);
  return { ssh: { privateKey, ...(passphrase ? { passphrase } : {}), ...(hostKey ? { hostKey } : {}) } };
}

const engines: FastifyPluginAsyncTypebox<EngineRoutesOptions> = async (app, opts) => {
  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'viewer' },
      schema: {
        operationId: 'listEngines',
        summary: 'The engines of the fleet, with their state',
        response: { 200: EnginesResponse, 401: ErrorResponse },
      },
    },
    // An engine the caller has no access to is not listed at all (admins manage every engine).
    (request) => ({
      engines: app.fleet
        .list()
        .filter((engine) => !request.principal || request.principal.role === 'admin' || maySee(request.principal, engine.id))
        .map((engine) => engine.summary()),
    }),
  );

  app.post(
    '/test',
    {
      config: { role: 'admin' },
      schema: {
        operationId: 'testEngine',
        summary: 'Ask an engine whether it answers, before adding it',
        body: EngineBody,
        response: { 200: EngineTestResponse, 400: ErrorResponse },
      },
    },
    async (request) => testEngine(specOf(request.body, 'admin')),
  );

  app.post(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'engine.add' },
      schema: {
        operationId: 'addEngine',
        summary: 'Add an engine to the fleet (its secrets are kept encrypted, never shown again)',
        body: EngineBody,
        response: { 201: EngineSummarySchema, ...MutationErrors },
      },
    },
    async (request, reply) => {
      const spec = specOf(request.body, 'admin', { requireHostKey: true });
      if (app.fleet.has(spec.id)) throw new BridgeboardError('conflict', `engine '${spec.id}' already exists`);
      app.engineRegistry.add(request.body, request.principal?.username ?? 'unknown');
      // Added even when it does not answer yet: its state says so, and the watcher keeps trying.
      const engine = await app.fleet.add(spec, 3_000);
      return reply.status(201).send(engine.summary());
    },
  );

  app.put(
    '/:engine',
    {
      config: { role: 'admin', audit: 'engine.update' },
      schema: {
        operationId: 'updateEngine',
        summary: 'Change an engine an admin added: its name, address or keys (left out, the name and keys stay)',
        params: EngineParams,
        body: EngineUpdateBody,
        response: { 200: EngineSummarySchema, ...MutationErrors },
      },
    },
    async (request) => {
      const id = request.params.engine;
      const stored = app.engineRegistry.get(id);
      if (!stored) throw notAddedHere(app.fleet.get(id).summary());
      const { tls, ssh, ...given } = request.body;
      // Keys left out stay, unless the host changed its scheme (a tcp:// key means nothing to ssh://).
      const [now, before] = [new URL(given.host), new URL(stored.host)];
      const keep = now.protocol === before.protocol;
      // A name left out stays too: an edit of the address is not a rename.
      const name = given.name ?? stored.name;
      const body: EngineBody = {
        id,
        ...given,
        ...(name === undefined ? {} : { name }),
        ...((tls ?? (keep ? stored.tls : undefined)) ? { tls: tls ?? stored.tls } : {}),
        ...sshOf(ssh, keep ? stored.ssh : undefined, now.host === before.host),
      };
      const spec = specOf(body, 'admin', { requireHostKey: true });
      app.engineRegistry.replace(body);
      // Its followers see it go and come back with a fresh snapshot: a new address may be another engine.
      await app.fleet.remove(id);
      return (await app.fleet.add(spec, 3_000)).summary();
    },
  );

  app.delete(
    '/:engine',
    {
      config: { role: 'admin', audit: 'engine.remove' },
      schema: {
        operationId: 'removeEngine',
        summary: 'Remove an engine an admin added (not one of the environment or the engines file)',
        params: EngineParams,
        response: { 204: Type.Null(), ...MutationErrors },
      },
    },
    async (request, reply) => {
      const engine = app.fleet.get(request.params.engine);
      if (engine.summary().source !== 'admin') throw notAddedHere(engine.summary());
      app.engineRegistry.remove(engine.id);
      // Another engine added later under this id inherits none of this one's grants.
      app.grants.removeForEngine(engine.id);
      await app.fleet.remove(engine.id);
      return reply.status(204).send(null);
    },
  );

  await app.register(
    async (scope) => {
      scope.decorateRequest('engine', null as unknown as Engine);
      // After the params were checked against the route's schema (`engine` has a strict pattern).
      scope.addHook('preHandler', async (request) => {
        request.engine = app.fleet.get((request.params as { engine: string }).engine);
      });
      await scope.register(topology);
      await scope.register(access);
      await scope.register(networks, { prefix: '/networks' });
      await scope.register(connections, { prefix: '/networks' });
      await scope.register(edit, { prefix: '/networks' });
      await scope.register(containers, { prefix: '/containers' });
      await scope.register(exposureRoutes);
      await scope.register(exportRoutes);
      await scope.register(migrations, { prefix: '/migrations' });
      await scope.register(reachability, { prefix: '/reachability', probeConcurrency: opts.probeConcurrency });
    },
    { prefix: '/:engine' },
  );
};

export default engines;
