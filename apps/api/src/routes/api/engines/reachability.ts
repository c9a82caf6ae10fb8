import type { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Histogram } from 'prom-client';
import type { Static } from 'typebox';
import {
  AcrossNodesQuery,
  EngineParams,
  ErrorResponse,
  ProbeBody,
  ProbeResponse,
  ReachabilityQuery,
  ReachabilityResponse,
} from '@bridgeboard/contract';
import { acrossNodes, endpointsOfNetwork, findNetwork, own, reachability } from '@bridgeboard/topology';
import { fleetAliases } from '../../../services/fleet-aliases.js';
import { probePairs } from '../../../services/probes.js';
import { ReachabilityCache } from '../../../services/reachability-cache.js';
import { answerStream } from '../../../services/reachability-stream.js';
import { resolveContainer, resolveNetwork } from '../../../services/resolve.js';
import { atPrefix } from '../at-prefix.js';
import { BridgeboardError } from '../../../errors.js';
import type { Engine } from '../../../fleet/engine.js';

/** All pairs is quadratic work on the event loop; past this, callers narrow it (from, network, containers). */
const ALL_PAIRS_MAX = 300;

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/** Who can reach whom and why: predicted from the topology, and proved by live probes when an admin allows them. */
const reachabilityRoutes: FastifyPluginAsyncTypebox<{ probeConcurrency: number }> = async (app, opts) => {
  const refuseAllPairs = (engine: Engine) => {
    const n = Object.keys(engine.store.current.containers).length;
    if (n > ALL_PAIRS_MAX)
      throw new BridgeboardError('invalid', `all pairs of ${n} containers is too much at once: ask from one container (from=…)`);
  };

  const computed = new Histogram({
    name: 'bridgeboard_reachability_compute_seconds',
    help: 'Time to compute one GET reachability answer and its JSON; once per engine, topology rev and scope, shared by the requests that ask meanwhile',
    labelNames: ['scope'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [app.metrics],
  });
  // One cache per engine (each has its own revs), made when first asked, dropped with its engine.
  const caches = new Map<string, ReachabilityCache>();
  const answersOf = (engine: Engine): ReachabilityCache => {
    let cache = caches.get(engine.id);
    if (!cache) {
      cache = new ReachabilityCache(engine.store, {
        allPairsMax: ALL_PAIRS_MAX,
        onComputed: ({ scope, ms }) => computed.observe({ scope }, ms / 1000),
      });
      caches.set(engine.id, cache);
    }
    return cache;
  };
  const dropGone = (id: string) => {
    caches.get(id)?.close();
    caches.delete(id);
  };
  app.fleet.on('removed', dropGone);
  app.addHook('onClose', async () => {
    app.fleet.off('removed', dropGone);
    for (const cache of caches.values()) cache.close();
  });

  // The answer is the 200 schema's JSON already, made once per rev and scope: the route sends those bytes.
  app.get<{ Querystring: Static<typeof ReachabilityQuery>; Reply: Readable }>(
    '/',
    {
      ...atPrefix,
      config: { role: 'viewer' },
      schema: {
        operationId: 'getReachability',
        summary: 'Who can reach whom and why, predicted from the topology',
        params: EngineParams,
        querystring: ReachabilityQuery,
        response: { 200: ReachabilityResponse, ...Errors },
      },
    },
    async (request, reply) => {
      const { engine } = request;
      const from = request.query.from === undefined ? undefined : (await resolveContainer(engine, request.query.from)).name;
      const answer = await answersOf(engine).answer(from);
      return reply.type('application/json; charset=utf-8').header('content-length', answer.bytes).send(answerStream(answer));
    },
  );

  app.get(
    '/across-nodes',
    {
      config: { role: 'viewer' },
      schema: {
        operationId: 'getReachabilityAcrossNodes',
        summary: 'Who a container reaches on other swarm nodes, over the overlays it is on',
        params: EngineParams,
        querystring: AcrossNodesQuery,
        response: { 200: ReachabilityResponse, ...Errors },
      },
    },
    async (request) => {
      const { engine } = request;
      const from = await resolveContainer(engine, request.query.from);
      return { pairs: acrossNodes(engine.store.current, from.id, fleetAliases(app.fleet)) };
    },
  );

  app.post(
    '/probe',
    {
      config: { role: 'operator', audit: 'probe.run' },
      schema: {
        operationId: 'probeReachability',
        summary: 'Prove reachability with live probes (an admin turns them on)',
        params: EngineParams,
        body: ProbeBody,
        response: { 200: ProbeResponse, ...Errors },
      },
    },
    async (request) => {
      if (!app.settings.get().probesEnabled) {
        throw new BridgeboardError(
          'conflict',
          'live probes are off: an admin turns them on under Settings (they use the engine’s exec endpoints)',
        );
      }
      const { body, engine } = request;
      if (body.from === undefined && body.network === undefined && body.containers === undefined) refuseAllPairs(engine);
      const from = body.from === undefined ? undefined : (await resolveContainer(engine, body.from)).name;
      let pairs = reachability(engine.store.current, from === undefined ? {} : { from });
      if (request.body.network !== undefined) {
        const network = await resolveNetwork(engine, request.body.network);
        const t = engine.store.current;
        const members = new Set(endpointsOfNetwork(t, network.id).map((e) => own(t.containers, e.containerId)?.name));
        pairs = pairs.filter((p) => members.has(p.from) && members.has(p.to));
        request.auditTarget = { network: findNetwork(t, network.id)?.name ?? network.name };
      }
      if (request.body.containers !== undefined) {
        // Each named container must exist: an unknown name is a 404 naming it, not a silent empty run.
        const chosen = new Set(await Promise.all(request.body.containers.map(async (ref) => (await resolveContainer(engine, ref)).name)));
        pairs = pairs.filter((p) => chosen.has(p.from) && chosen.has(p.to));
      }
      if (request.body.acrossNodes === true) {
        if (from === undefined) throw new BridgeboardError('invalid', 'body/acrossNodes: probing across nodes needs body/from');
        const network = request.body.network === undefined ? undefined : (await resolveNetwork(engine, request.body.network)).name;
        pairs = [
          ...pairs,
          ...acrossNodes(engine.store.current, from, fleetAliases(app.fleet)).filter(
            (p) => network === undefined || p.networks.includes(network),
          ),
        ];
      }
      const startedAt = new Date();
      const probed = await probePairs(engine, pairs, opts.probeConcurrency);
      return { pairs: probed, startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime() };
    },
  );
};

export default reachabilityRoutes;
