import { EventEmitter } from 'node:events';
import { performance } from 'node:perf_hooks';
import Docker from 'dockerode';
import { BridgeboardError } from '../errors.js';
import { callKey, EXEC_CALLS, pathId, refusalOf, sentBody, type DialOptions } from '../engine/engine-allowlist.js';

/** dockerode's own connection options (socket, tcp with TLS, ssh): what `new Docker()` takes. */
export type EngineConnection = Docker.DockerOptions;

export interface EngineCall {
  /** `METHOD /path`, as in `calls`. */
  key: string;
  seconds: number;
  /** No answer at all (refused connection, timeout); an engine error status still counts as an answer. */
  failed: boolean;
}

/** One engine's dockerode client, held to the allowlist, with what it has called. */
export interface EngineClient {
  docker: Docker;
  /** Engine API calls made so far, by `METHOD /path` with ids folded to `{id}`; read by the bench. */
  calls: Map<string, number>;
  /** One `call` per answered engine call (for a stream such as `/events`: when its headers came), read by the metrics. */
  callTimes: EventEmitter<{ call: [EngineCall] }>;
  /** Engine calls beyond the fixed list, each switched on by an admin setting. */
  capabilities: { exec: boolean };
}

type DialCallback = (err: unknown, data?: unknown) => void;

/** A dockerode client limited to the allowlist. No timeout is set: the `/events` stream must stay open indefinitely. */
export function engineClient(connection: EngineConnection): EngineClient {
  const docker = new Docker(connection);
  const calls = new Map<string, number>();
  const callTimes = new EventEmitter<{ call: [EngineCall] }>();
  const capabilities = { exec: false };
  const modem = docker.modem as { dial: (options: DialOptions, cb: unknown) => unknown };
  const dial = modem.dial.bind(modem);
  // Probe execs this client created and has not started: only these may be started. A probe
  // starts its exec at once, so a few hundred unstarted ones mean something went wrong: forget the oldest.
  const created = new Set<string>();
  const gate = { enabled: () => capabilities.exec, created: (id: string) => created.has(id) };
  modem.dial = (asked, cb) => {
    const key = callKey(asked);
    // A bug (or a future route) cannot reach more of the engine than the documented list.
    const refusal = refusalOf(asked, gate);
    if (refusal !== null) {
      const err = new BridgeboardError('forbidden', refusal);
      if (typeof cb !== 'function') throw err;
      (cb as (err: Error) => void)(err);
      return undefined;
    }
    // An exec goes out with the body that was checked, not with an object that could say otherwise when read again.
    const options = EXEC_CALLS.has(key) ? { ...asked, options: sentBody(asked) } : asked;
    if (key === 'POST /exec/{id}/start') created.delete(pathId(asked));
    calls.set(key, (calls.get(key) ?? 0) + 1);
    if (typeof cb !== 'function') return dial(options, cb);
    const started = performance.now();
    return dial(options, (err: unknown, data?: unknown) => {
      const failed = err !== null && err !== undefined && (err as { statusCode?: unknown }).statusCode === undefined;
      callTimes.emit('call', { key, seconds: (performance.now() - started) / 1000, failed });
      const execId = (data as { Id?: unknown } | undefined)?.Id;
      if (key === 'POST /containers/{id}/exec' && !err && typeof execId === 'string') {
        created.add(execId);
        if (created.size > 256) created.delete(created.values().next().value ?? '');
      }
      (cb as DialCallback)(err, data);
    });
  };
  return { docker, calls, callTimes, capabilities };
}
