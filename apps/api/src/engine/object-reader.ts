import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import {
  own,
  putContainer,
  putGatewayEndpoints,
  putMembers,
  putNetwork,
  putNodes,
  putService,
  putTasks,
  removeContainer,
  removeNetwork,
  type EngineContainer,
  type EngineNetwork,
  type Topology,
} from '@bridgeboard/topology';
import type { Target } from './engine-event.js';
import {
  inspectContainer,
  inspectNetwork,
  inspectService,
  inspectVerbose,
  listNodes,
  listTasks,
  type SwarmPlace,
} from './engine-reader.js';
import type { KnownContainers } from './known-containers.js';

// After a connect event the engine can still answer with the old networks for a moment.
const REREAD_ATTEMPTS = 4;
const REREAD_DELAY_MS = 25;

/**
 * Reads the object an event names and returns the change it makes to the topology: one inspect,
 * re-read while the answer lags the event (unless a newer event supersedes this read), plus an
 * inspect of any network the container is on that the topology does not know yet — otherwise that
 * endpoint would be dropped until the container's next event. `signal` ends the calls still open.
 */
export async function readChange(
  docker: Docker,
  target: Target,
  current: () => Topology,
  superseded: () => boolean,
  signal?: AbortSignal,
  swarm: SwarmPlace | null = null,
  known?: KnownContainers,
): Promise<(t: Topology) => Topology> {
  const unchanged = (t: Topology) => t;
  if (target.kind === 'container' && target.gone) {
    known?.forget(target.id);
    return (t) => removeContainer(t, target.id);
  }
  // An overlay's destroy here can mean only that this node left it: the swarm may still hold it.
  if (target.kind === 'network' && target.gone && own(current().networks, target.id)?.scope !== 'swarm')
    return (t) => removeNetwork(t, target.id);
  if (target.kind === 'nodes') {
    if (!swarm?.manager) return unchanged;
    const nodes = await listNodes(docker, signal);
    return (t) => putNodes(t, nodes, swarm.selfId);
  }
  if (target.kind === 'tasks') {
    if (!swarm?.manager) return unchanged;
    const tasks = await listTasks(docker, null, signal);
    return (t) => putTasks(t, tasks);
  }
  if (target.kind === 'service') {
    if (!swarm?.manager) return unchanged;
    const [raw, tasks] = await Promise.all([inspectService(docker, target.id, signal), listTasks(docker, target.id, signal)]);
    return (t) => putService(t, target.id, raw, tasks);
  }
  if (target.kind === 'gateway') {
    const raw = await inspectNetwork(docker, target.id, signal);
    return (t) => putGatewayEndpoints(t, raw);
  }
  if (target.kind === 'members') {
    if (!swarm) return unchanged;
    const raw = await inspectVerbose(docker, target.id, signal);
    // Only for a network the topology holds: a read that outran the network's removal must not bring it back.
    return (t) => (own(t.networks, target.id)?.scope === 'swarm' ? putMembers(t, target.id, raw) : t);
  }
  if (target.kind === 'network') {
    const raw = await inspectNetwork(docker, target.id, signal);
    return raw ? (t) => putNetwork(t, raw) : (t) => removeNetwork(t, target.id);
  }
  let raw = await inspectContainer(docker, target.id, signal);
  for (
    let attempt = 1;
    raw && target.expect && !agrees(raw, target.expect, current()) && attempt < REREAD_ATTEMPTS && !superseded();
    attempt++
  ) {
    await sleep(REREAD_DELAY_MS, undefined, { signal });
    raw = await inspectContainer(docker, target.id, signal);
  }
  if (!raw) {
    known?.forget(target.id);
    return (t) => removeContainer(t, target.id);
  }
  const found = raw;
  known?.remember(found);
  const unknown = Object.values(found.NetworkSettings?.Networks ?? {})
    .map((s) => s.NetworkID)
    .filter((id): id is string => !!id && own(current().networks, id) === undefined);
  const networks = (await Promise.all(unknown.map((id) => inspectNetwork(docker, id, signal)))).filter(
    (n): n is EngineNetwork => n !== null,
  );
  return (t) => putContainer(networks.reduce(putNetwork, t), found);
}

/** Whether an inspect answer already shows what the event said about one network. */
function agrees(raw: EngineContainer, expect: { network: string; attached: boolean }, t: Topology): boolean {
  const name = own(t.networks, expect.network)?.name;
  const attached = Object.entries(raw.NetworkSettings?.Networks ?? {}).some(
    ([netName, s]) => s.NetworkID === expect.network || (name !== undefined && netName === name),
  );
  return attached === expect.attached;
}
