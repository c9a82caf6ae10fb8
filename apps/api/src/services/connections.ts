import type { Engine } from '../fleet/engine.js';
import { validateStaticAddress, type ConnectBody } from '@bridgeboard/contract';
import { connectRefusal, findEndpoint, isDefaultBridge, type Container, type Endpoint, type Network } from '@bridgeboard/topology';
import { BridgeboardError } from '../errors.js';
import { resolveContainer, resolveNetwork } from './resolve.js';

export async function connect(engine: Engine, networkRef: string, body: ConnectBody): Promise<Endpoint> {
  const [network, container] = await Promise.all([resolveNetwork(engine, networkRef), resolveContainer(engine, body.container)]);
  const why = connectRefusal(engine.store.current, network, container);
  if (why) throw new BridgeboardError('conflict', why);
  const wantsStatic = body.ipv4Address !== undefined || body.ipv6Address !== undefined;
  if (wantsStatic && isDefaultBridge(network)) {
    throw new BridgeboardError('invalid', 'ipv4Address: static addresses work only on user-defined networks, not the default bridge');
  }
  const subnets = network.ipam.config.map((c) => c.subnet);
  for (const field of ['ipv4Address', 'ipv6Address'] as const) {
    const address = body[field];
    const problem = address === undefined ? null : validateStaticAddress(field, address, subnets);
    if (problem) throw new BridgeboardError('invalid', `${problem.field}: ${problem.message}`);
  }
  await engine.docker.getNetwork(network.id).connect({
    Container: container.id,
    EndpointConfig: {
      Aliases: body.aliases ?? [],
      ...(wantsStatic && { IPAMConfig: { IPv4Address: body.ipv4Address, IPv6Address: body.ipv6Address } }),
    },
  });
  await engine.watcher.refresh({ kind: 'container', id: container.id });
  const endpoint = findEndpoint(engine.store.current, network.id, container.id);
  if (!endpoint) throw new BridgeboardError('unavailable', 'connected, but the engine stopped answering before the result could be read');
  return endpoint;
}

export async function disconnect(
  engine: Engine,
  networkRef: string,
  containerRef: string,
  force: boolean,
): Promise<{ network: Network; container: Container }> {
  const [network, container] = await Promise.all([resolveNetwork(engine, networkRef), resolveContainer(engine, containerRef)]);
  if (!findEndpoint(engine.store.current, network.id, container.id)) {
    throw new BridgeboardError('not-found', `container '${container.name}' is not connected to network '${network.name}'`);
  }
  await engine.docker.getNetwork(network.id).disconnect({ Container: container.id, Force: force });
  await engine.watcher.refresh({ kind: 'container', id: container.id });
  return { network, container };
}
