import type { Engine } from '../fleet/engine.js';
import {
  findEndpoint,
  ownAliases,
  type Container,
  type EngineEndpointSettings,
  type MigrationStep,
  type Network,
} from '@bridgeboard/topology';
import { inspectContainer } from '../engine/engine-reader.js';
import { connect, disconnect } from './connections.js';
import { createNetwork, removeNetwork } from './networks.js';
import { resolveContainer, resolveNetwork } from './resolve.js';

/** Takes one step back; resolves with what it could not put back as it was, or null. */
export type Undo = () => Promise<string | null>;

/** Does one step of a migration; returns how to take it back. */
export async function runStep(engine: Engine, step: MigrationStep): Promise<Undo> {
  switch (step.kind) {
    case 'create-network': {
      const network = await createNetwork(engine, {
        name: step.name,
        driver: 'bridge',
        subnets: [{ subnet: step.subnet, gateway: step.gateway }],
      });
      return async () => {
        await removeNetwork(engine, network.id);
        return null;
      };
    }
    case 'connect':
      await connect(engine, step.network, { container: step.container, ...(step.aliases.length ? { aliases: step.aliases } : {}) });
      return async () => {
        await disconnect(engine, step.network, step.container, false);
        return null;
      };
    case 'disconnect':
      return leave(engine, step.network, step.container);
  }
}

/**
 * Disconnects, keeping the endpoint's settings as the engine held them a moment before (fixed
 * addresses, aliases, links), so that the undo reconnects with them rather than as a newcomer.
 */
async function leave(engine: Engine, networkRef: string, containerRef: string): Promise<Undo> {
  const [network, container] = await Promise.all([resolveNetwork(engine, networkRef), resolveContainer(engine, containerRef)]);
  const networks = (await inspectContainer(engine.docker, container.id))?.NetworkSettings?.Networks ?? {};
  // Own keys only: a network may be named `constructor`.
  const was = (Object.hasOwn(networks, network.name) ? networks[network.name] : undefined) ?? {};
  await disconnect(engine, network.id, container.id, false);
  return () => rejoin(engine, network, container, was);
}

/**
 * Reconnects with what the endpoint had. An address the network chose is not asked for again: it
 * was never fixed, and asking would fix it from then on (and the engine refuses it on a network
 * made without --subnet). The default bridge refuses fixed addresses and aliases, and its --link
 * entries live in other containers' /etc/hosts, out of reach; the plan warns of what may not come
 * back (`undoWarnings` in the topology core).
 */
async function rejoin(engine: Engine, network: Network, container: Container, was: EngineEndpointSettings): Promise<string | null> {
  const aliases = ownAliases(container, was.Aliases);
  const fixed = { IPv4Address: was.IPAMConfig?.IPv4Address || undefined, IPv6Address: was.IPAMConfig?.IPv6Address || undefined };
  await engine.docker.getNetwork(network.id).connect({
    Container: container.id,
    EndpointConfig: {
      ...(aliases.length > 0 ? { Aliases: aliases } : {}),
      ...(was.Links?.length ? { Links: was.Links } : {}),
      ...(fixed.IPv4Address || fixed.IPv6Address ? { IPAMConfig: fixed } : {}),
    },
  });
  await engine.watcher.refresh({ kind: 'container', id: container.id });
  const now = findEndpoint(engine.store.current, network.id, container.id);
  const moved = [
    [was.IPAddress, now?.ipv4],
    [was.GlobalIPv6Address, now?.ipv6],
  ].filter(([before, after]) => before && after && before !== after);
  if (moved.length === 0) return null;
  return `'${container.name}' is back on '${network.name}' at ${moved.map(([, after]) => after).join(' and ')}, not ${moved.map(([before]) => before).join(' and ')}`;
}
