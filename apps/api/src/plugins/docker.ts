import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
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
    /** One `call` per answered engine call (for a stream such as `/events`: when its headers came), read by the metrics. */
    engineCallTimes: EventEmitter<{ call: [EngineCall] }>;
  }
}

export interface EngineCall {
  /** `METHOD /path`, as in `engineCalls`. */
  key: string;
  seconds: number;
  /** No answer at all (refused connection, timeout); an engine error status still counts as an answer. */
  failed: boolean;
}

type DialCallback = (err: unknown, data?: unknown) => void;

/** The dockerode client, limited to the allowlist. No timeout is set: the `/events` stream must stay open indefinitely. */
export default fp<{ engine: EngineConnection }>(
  async (fastify, opts) => {
    const docker = new Docker(opts.engine);
    const engineCalls = new Map<string, number>();
    const engineCallTimes = new EventEmitter<{ call: [EngineCall] }>();
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
      if (typeof cb !== 'function') return dial(options, cb);
      const started = performance.now();
      return dial(options, (err: unknown, data?: unknown) => {
        const failed = err !== null && err !== undefined && (err as { statusCode?: unknown }).statusCode === undefined;
        engineCallTimes.emit('call', { key, seconds: (performance.now() - started) / 1000, failed });
        (cb as DialCallback)(err, data);
      });
    };
    fastify.decorate('docker', docker);
    fastify.decorate('engineCalls', engineCalls);
    fastify.decorate('engineCapabilities', capabilities);
    fastify.decorate('engineCallTimes', engineCallTimes);
  },
  { name: 'docker' },
);
