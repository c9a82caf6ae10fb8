import type { FastifyInstance } from 'fastify';
import { validateStaticAddress, type ConnectBody } from '@bridgeboard/contract';
import { connectRefusal, findEndpoint, isDefaultBridge, type Container, type Endpoint, type Network } from '@bridgeboard/topology';
import { BridgeboardError } from '../errors.js';
import { resolveContainer, resolveNetwork } from './resolve.js';

export async function connect(app: FastifyInstance, networkRef: string, body: ConnectBody): Promise<Endpoint> {
  const [network, container] = await Promise.all([resolveNetwork(app, networkRef), resolveContainer(app, body.container)]);
  const why = connectRefusal(app.topology.current, network, container);
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
  await app.docker.getNetwork(network.id).connect({
    Container: container.id,
    EndpointConfig: {
      Aliases: body.aliases ?? [],
      ...(wantsStatic && { IPAMConfig: { IPv4Address: body.ipv4Address, IPv6Address: body.ipv6Address } }),
    },
  });
  await app.engineWatcher.refresh({ kind: 'container', id: container.id });
  const endpoint = findEndpoint(app.topology.current, network.id, container.id);
  if (!endpoint) throw new BridgeboardError('unavailable', 'connected, but the engine stopped answering before the result could be read');
  return endpoint;
}

export async function disconnect(
  app: FastifyInstance,
  networkRef: string,
  containerRef: string,
  force: boolean,
): Promise<{ network: Network; container: Container }> {
  const [network, container] = await Promise.all([resolveNetwork(app, networkRef), resolveContainer(app, containerRef)]);
  if (!findEndpoint(app.topology.current, network.id, container.id)) {
    throw new BridgeboardError('not-found', `container '${container.name}' is not connected to network '${network.name}'`);
  }
  await app.docker.getNetwork(network.id).disconnect({ Container: container.id, Force: force });
  await app.engineWatcher.refresh({ kind: 'container', id: container.id });
  return { network, container };
}
