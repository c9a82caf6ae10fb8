import Docker from 'dockerode';
import fp from 'fastify-plugin';
import type { EngineConnection } from '../config.js';

declare module 'fastify' {
  interface FastifyInstance {
    docker: Docker;
    /** Engine API calls made so far, by `METHOD /path` with ids folded to `{id}`; read by the bench. */
    engineCalls: Map<string, number>;
  }
}

interface DialOptions {
  method?: string;
  path?: string;
}

/** `GET /containers/web/json` → `GET /containers/{id}/json`: one key per kind of call, however many names. */
function callKey(options: DialOptions): string {
  const path =
    (options.path ?? '')
      .split('?')[0]
      ?.replace(/^(\/(?:v[\d.]+\/)?(?:containers|networks))\/(?!(?:json|create)(?:\/|$))[^/]+/, '$1/{id}') ?? '';
  return `${options.method ?? 'GET'} ${path}`;
}

/** The dockerode client. No timeout is set: the `/events` stream must stay open indefinitely. */
export default fp<{ engine: EngineConnection }>(
  async (fastify, opts) => {
    const docker = new Docker(opts.engine);
    const engineCalls = new Map<string, number>();
    const modem = docker.modem as { dial: (options: DialOptions, cb: unknown) => unknown };
    const dial = modem.dial.bind(modem);
    modem.dial = (options, cb) => {
      const key = callKey(options);
      engineCalls.set(key, (engineCalls.get(key) ?? 0) + 1);
      return dial(options, cb);
    };
    fastify.decorate('docker', docker);
    fastify.decorate('engineCalls', engineCalls);
  },
  { name: 'docker' },
);
