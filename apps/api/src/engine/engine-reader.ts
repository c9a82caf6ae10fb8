import type Docker from 'dockerode';
import pLimit from 'p-limit';
import { KnownContainers, trimContainer } from './known-containers.js';
import type {
  EngineContainer,
  EngineNetwork,
  EngineNetworkWithEndpoints,
  EngineNode,
  EngineService,
  EngineTask,
  EngineVerboseNetwork,
  SwarmLists,
} from '@bridgeboard/topology';

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
    inspect(options: { abortSignal?: AbortSignal; verbose?: boolean }): Promise<Docker.NetworkInspectInfo>;
  }
  interface Service {
    inspect(options: { abortSignal?: AbortSignal }): Promise<unknown>;
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

/** What one inspect answers, or null when the engine says the object is gone (404). */
async function unlessGone<T>(inspect: Promise<unknown>): Promise<T | null> {
  try {
    return (await inspect) as T;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export const inspectContainer = (docker: Docker, id: string, signal?: AbortSignal) =>
  unlessGone<EngineContainer>(docker.getContainer(id).inspect({ abortSignal: signal }));

export const inspectNetwork = (docker: Docker, id: string, signal?: AbortSignal) =>
  unlessGone<EngineNetworkWithEndpoints>(docker.getNetwork(id).inspect({ abortSignal: signal }));

/** How long one engine call may take before it counts as slow (not as lost: see `patiently`). */
export const CALL_TIMEOUT_MS = 10_000;

/**
 * One engine call with its own deadline, also ended by `outer` (the watcher stopping or the stream
 * failing). A missed deadline is a busy engine, not a lost one: the call is made again with a longer
 * deadline, up to `attempts` times. Whether the engine is gone is the event stream's to say (it
 * ends, or the watchdog's ping goes unanswered), and that aborts `outer`.
 */
export async function patiently<T>(
  call: (signal: AbortSignal) => Promise<T>,
  outer: AbortSignal,
  timeoutMs = CALL_TIMEOUT_MS,
  attempts = 3,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const deadline = AbortSignal.timeout(timeoutMs * attempt);
    try {
      return await call(AbortSignal.any([outer, deadline]));
    } catch (err) {
      if (outer.aborted || !deadline.aborted || attempt >= attempts) throw err;
    }
  }
}

/**
 * Network list (one call), container list (one call), then one inspect per container the list
 * cannot vouch for (`known`: see KnownContainers; at the first list, all of them). `signal` ends
 * every call still open; each call has its own deadline, retried (`patiently`).
 */
export async function listAll(
  docker: Docker,
  signal: AbortSignal = new AbortController().signal,
  known: KnownContainers = new KnownContainers(),
  timeoutMs = CALL_TIMEOUT_MS,
): Promise<{ networks: EngineNetwork[]; containers: EngineContainer[]; inspected: number }> {
  const [networks, summaries] = await Promise.all([
    patiently((s) => docker.listNetworks({ abortSignal: s }), signal, timeoutMs),
    patiently((s) => docker.listContainers({ all: true, abortSignal: s }), signal, timeoutMs),
  ]);
  const limit = pLimit(INSPECT_CONCURRENCY);
  let inspected = 0;
  const containers = await Promise.all(
    summaries.map((c) => {
      const reused = known.reusable(c);
      if (reused) return Promise.resolve(reused);
      inspected++;
      // Cut down at once: thousands of full inspects held until the last one answers are most of a relist's peak memory.
      return limit(async () => {
        const raw = await patiently((s) => inspectContainer(docker, c.Id, s), signal, timeoutMs);
        return raw && trimContainer(raw);
      });
    }),
  );
  return {
    networks: networks as EngineNetwork[],
    containers: containers.filter((c): c is EngineContainer => c !== null),
    inspected,
  };
}

/** What `/info` says about this engine's place in a swarm; null when it is in none. */
export interface SwarmPlace {
  selfId: string;
  clusterId: string | null;
  manager: boolean;
  /** A worker cannot list nodes: it knows itself only, as its `/info` describes it. */
  self: EngineNode;
}

interface EngineInfo {
  Name?: string;
  ServerVersion?: string;
  Swarm?: { NodeID?: string; NodeAddr?: string; LocalNodeState?: string; ControlAvailable?: boolean; Cluster?: { ID?: string } | null };
}

/**
 * A swarm read the engine answers with an error (a socket proxy that refuses `/info` or `/nodes`, a
 * manager without quorum: "The swarm does not have a leader") leaves that part out: the networks
 * and containers still stand. A broken or silent connection still fails the read.
 */
async function orWithout<T>(read: Promise<T>, without: T): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (isEngineAnswer(err)) return without;
    throw err;
  }
}

export async function swarmPlace(docker: Docker, signal?: AbortSignal): Promise<SwarmPlace | null> {
  const info = await orWithout<EngineInfo>(
    (docker.info as unknown as SignalCall<EngineInfo>).call(docker, { abortSignal: signal ?? new AbortController().signal }),
    {},
  );
  const s = info.Swarm;
  if (s?.LocalNodeState !== 'active' || !s.NodeID) return null;
  const manager = s.ControlAvailable === true;
  return {
    selfId: s.NodeID,
    clusterId: s.Cluster?.ID ?? null,
    manager,
    self: {
      ID: s.NodeID,
      Description: { Hostname: info.Name ?? '', Engine: { EngineVersion: info.ServerVersion ?? '' } },
      Spec: { Role: manager ? 'manager' : 'worker', Availability: 'active' },
      Status: { State: 'ready', Addr: s.NodeAddr ?? '' },
    },
  };
}

/** The manager's verbose inspect (every node's endpoints); a worker's covers the overlays it is on. */
export const inspectVerbose = (docker: Docker, id: string, signal?: AbortSignal) =>
  unlessGone<EngineVerboseNetwork>(docker.getNetwork(id).inspect({ verbose: true, abortSignal: signal }));

export const inspectService = (docker: Docker, id: string, signal?: AbortSignal) =>
  unlessGone<EngineService>(docker.getService(id).inspect({ abortSignal: signal }));

export const listNodes = async (docker: Docker, signal?: AbortSignal): Promise<EngineNode[]> =>
  (await docker.listNodes({ abortSignal: signal })) as EngineNode[];

export const listTasks = async (docker: Docker, serviceId: string | null, signal?: AbortSignal): Promise<EngineTask[]> =>
  (await docker.listTasks({ ...(serviceId ? { filters: { service: [serviceId] } } : {}), abortSignal: signal })) as EngineTask[];

/**
 * What a swarm node adds to the list: on a manager its nodes, services and tasks; on any node the
 * verbose inspect of each swarm-scoped network it lists (a worker lists those it has endpoints on).
 */
export async function listSwarm(docker: Docker, place: SwarmPlace, networks: EngineNetwork[], signal?: AbortSignal): Promise<SwarmLists> {
  const limit = pLimit(INSPECT_CONCURRENCY);
  const overlays = networks.filter((n) => n.Scope === 'swarm');
  const gatewayId = networks.find((n) => n.Name === 'docker_gwbridge' && n.Driver === 'bridge')?.Id;
  const [nodes, services, tasks, verbose, gateway] = await Promise.all([
    place.manager ? orWithout(listNodes(docker, signal), [place.self]) : [place.self],
    place.manager ? orWithout(docker.listServices({ abortSignal: signal }) as Promise<EngineService[]>, []) : [],
    place.manager ? orWithout(listTasks(docker, null, signal), []) : [],
    Promise.all(overlays.map((n) => limit(() => orWithout(inspectVerbose(docker, n.Id, signal), null)))),
    gatewayId ? orWithout(inspectNetwork(docker, gatewayId, signal), null) : null,
  ]);
  return { selfId: place.selfId, nodes, services, tasks, overlays: verbose.filter((n): n is EngineVerboseNetwork => n !== null), gateway };
}
