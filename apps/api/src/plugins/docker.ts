import Docker from 'dockerode';
import fp from 'fastify-plugin';
import type { EngineConnection } from '../config.js';
import { callKey, ENGINE_ALLOWLIST, EXEC_CALLS, type DialOptions } from '../engine/engine-allowlist.js';

declare module 'fastify' {
  interface FastifyInstance {
    docker: Docker;
    /** Engine API calls made so far, by `METHOD /path` with ids folded to `{id}`; read by the bench. */
    engineCalls: Map<string, number>;
    /** Engine calls beyond the fixed list, each switched on by an admin setting. */
    engineCapabilities: { exec: boolean };
  }
}

/** The dockerode client, limited to the allowlist. No timeout is set: the `/events` stream must stay open indefinitely. */
export default fp<{ engine: EngineConnection }>(
  async (fastify, opts) => {
    const docker = new Docker(opts.engine);
    const engineCalls = new Map<string, number>();
    const capabilities = { exec: false };
    const modem = docker.modem as { dial: (options: DialOptions, cb: unknown) => unknown };
    const dial = modem.dial.bind(modem);
    modem.dial = (options, cb) => {
      const key = callKey(options);
      // A bug (or a future route) cannot reach more of the engine than the documented list.
      if (!ENGINE_ALLOWLIST.has(key) && !(capabilities.exec && EXEC_CALLS.has(key))) {
        const refusal = new Error(`engine call not in Bridgeboard's allowlist: ${key}`);
        if (typeof cb !== 'function') throw refusal;
        (cb as (err: Error) => void)(refusal);
        return undefined;
      }
      engineCalls.set(key, (engineCalls.get(key) ?? 0) + 1);
      return dial(options, cb);
    };
    fastify.decorate('docker', docker);
    fastify.decorate('engineCalls', engineCalls);
    fastify.decorate('engineCapabilities', capabilities);
  },
  { name: 'docker' },
);
