import type Docker from 'dockerode';
import pLimit from 'p-limit';
import type { EngineContainer, EngineNetwork } from '@bridgeboard/topology';

/**
 * The engine reads the watcher makes, and nothing else: list at start and after a reconnect,
 * one inspect per object an event names. `null` means the engine says the object is gone.
 */

const INSPECT_CONCURRENCY = 8;

// dockerode takes an `abortSignal` option on every call (lib/network.js, lib/docker.js), but
// @types/dockerode 4, the newest there is, leaves it out of some. Members declared here merge into
// the module's `Dockerode` namespace (the types use `export =`).
declare module 'dockerode' {
  interface Network {
    inspect(options: { abortSignal?: AbortSignal }): Promise<Docker.NetworkInspectInfo>;
  }
}

function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number }).statusCode === 404;
}

/**
 * `docker.version()` and `docker.ping()` bounded by `signal`. The class itself, exported with
 * `export =`, cannot be augmented as the namespace above is: hence the one cast.
 */
type SignalCall<T> = (this: Docker, options: { abortSignal: AbortSignal }) => Promise<T>;
export const engineVersion = (docker: Docker, signal: AbortSignal): Promise<Docker.DockerVersion> =>
  (docker.version as unknown as SignalCall<Docker.DockerVersion>).call(docker, { abortSignal: signal });
export const pingEngine = (docker: Docker, signal: AbortSignal): Promise<unknown> =>
  (docker.ping as unknown as SignalCall<unknown>).call(docker, { abortSignal: signal });

/** An answer from the engine (an HTTP status) rather than a broken, timed-out or silent connection. */
export function isEngineAnswer(err: unknown): boolean {
  return typeof (err as { statusCode?: unknown }).statusCode === 'number';
}

export async function inspectContainer(docker: Docker, id: string, signal?: AbortSignal): Promise<EngineContainer | null> {
  try {
    return await docker.getContainer(id).inspect({ abortSignal: signal });
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export async function inspectNetwork(docker: Docker, id: string, signal?: AbortSignal): Promise<EngineNetwork | null> {
  try {
    return (await docker.getNetwork(id).inspect({ abortSignal: signal })) as EngineNetwork;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/**
 * Network list (one call), container list (one call), then one inspect per container: the list
 * lacks aliases and links. `signal` ends every call still open (a deadline for the whole relist).
 */
export async function listAll(docker: Docker, signal?: AbortSignal): Promise<{ networks: EngineNetwork[]; containers: EngineContainer[] }> {
  const [networks, summaries] = await Promise.all([
    docker.listNetworks({ abortSignal: signal }),
    docker.listContainers({ all: true, abortSignal: signal }),
  ]);
  const limit = pLimit(INSPECT_CONCURRENCY);
  const inspected = await Promise.all(summaries.map((c) => limit(() => inspectContainer(docker, c.Id, signal))));
  return { networks: networks as EngineNetwork[], containers: inspected.filter((c): c is EngineContainer => c !== null) };
}
