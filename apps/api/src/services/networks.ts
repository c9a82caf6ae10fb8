import type { Engine } from '../fleet/engine.js';
import { specOfCreateBody, validateNetworkCreate, type NetworkCreateBody, type EngineRole } from '@bridgeboard/contract';
import { endpointsOfNetwork, findNetwork, own, type Network } from '@bridgeboard/topology';
import { BridgeboardError } from '../errors.js';
import { hostTouching, readHostInterfaces } from './host-options.js';
import { engineBodyOfSpec } from './network-body.js';
import { resolveNetwork } from './resolve.js';

/** Refuses a non-admin (by `role`, the caller's) a network whose options act on the host itself (host-options.ts). */
export async function assertMayCreate(engine: Engine, body: NetworkCreateBody, role: EngineRole): Promise<void> {
  if (role === 'admin') return;
  // Only an engine on this host has this host's interfaces for its own.
  const why = hostTouching(body, await readHostInterfaces(engine.store.current, engine.local));
  if (why) throw new BridgeboardError('forbidden', `${why}: only an admin may create such a network`);
}

export async function createNetwork(engine: Engine, body: NetworkCreateBody): Promise<Network> {
  const problems = validateNetworkCreate(body);
  if (problems.length > 0) throw new BridgeboardError('invalid', problems.map((p) => `${p.field}: ${p.message}`).join('; '));
  if (findNetwork(engine.store.current, body.name)?.name === body.name) {
    throw new BridgeboardError('conflict', `network '${body.name}' already exists`);
  }
  const created = await engine.docker.createNetwork(engineBodyOfSpec(specOfCreateBody(body), engine.watcher.status.apiVersion));
  await engine.watcher.refresh({ kind: 'network', id: created.id });
  const network = own(engine.store.current.networks, created.id);
  if (!network) {
    throw new BridgeboardError('unavailable', 'the network was created but the engine stopped answering before it could be read');
  }
  return network;
}

export async function removeNetwork(engine: Engine, ref: string): Promise<Network> {
  const network = await resolveNetwork(engine, ref);
  if (network.system) {
    throw new BridgeboardError('forbidden', `'${network.name}' is one of Docker's own networks (bridge, host, none) and cannot be removed`);
  }
  const attached = endpointsOfNetwork(engine.store.current, network.id)
    .filter((e) => e.endpointId !== '')
    .map((e) => own(engine.store.current.containers, e.containerId)?.name ?? e.containerId);
  if (attached.length > 0) {
    throw new BridgeboardError(
      'conflict',
      `network '${network.name}' still has containers attached: ${attached.sort().join(', ')}; disconnect them first`,
    );
  }
  await engine.docker.getNetwork(network.id).remove();
  await engine.watcher.refresh({ kind: 'network', id: network.id });
  return network;
}
