import type { FastifyInstance } from 'fastify';
import { validateStaticAddress, type ConnectBody } from '@bridgeboard/contract';
import { findEndpoint, isDefaultBridge, type Container, type Endpoint, type Network } from '@bridgeboard/topology';
import { resolveContainer, resolveNetwork } from './resolve.js';

/** Why the engine would refuse this pair, said before asking it (the article's rules). */
function refusal(network: Network, container: Container): string | null {
  if (network.driver === 'host' || network.driver === 'null') {
    return `network '${network.name}' is Docker's ${network.name} mode: a container gets it only when created (--network ${network.name})`;
  }
  const mode = container.networkMode;
  if (mode.kind === 'host' || mode.kind === 'none') {
    return `container '${container.name}' runs in ${mode.kind} mode and cannot join other networks; re-create it on a bridge`;
  }
  if (mode.kind === 'container') {
    return `container '${container.name}' shares another container's network stack (container: mode) and cannot join networks itself`;
  }
  return null;
}

export async function connect(app: FastifyInstance, networkRef: string, body: ConnectBody): Promise<Endpoint> {
  const [network, container] = await Promise.all([resolveNetwork(app, networkRef), resolveContainer(app, body.container)]);
  const why = refusal(network, container);
  if (why) throw app.httpErrors.conflict(why);
  if (findEndpoint(app.topology.current, network.id, container.id)) {
    throw app.httpErrors.conflict(`container '${container.name}' is already connected to network '${network.name}'`);
  }
  const wantsStatic = body.ipv4Address !== undefined || body.ipv6Address !== undefined;
  if (wantsStatic && isDefaultBridge(network)) {
    throw app.httpErrors.badRequest('ipv4Address: static addresses work only on user-defined networks, not the default bridge');
  }
  const subnets = network.ipam.config.map((c) => c.subnet);
  for (const field of ['ipv4Address', 'ipv6Address'] as const) {
    const address = body[field];
    const problem = address === undefined ? null : validateStaticAddress(field, address, subnets);
    if (problem) throw app.httpErrors.badRequest(`${problem.field}: ${problem.message}`);
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
  if (!endpoint) throw app.httpErrors.serviceUnavailable('connected, but the engine stopped answering before the result could be read');
  return endpoint;
}

export async function disconnect(app: FastifyInstance, networkRef: string, containerRef: string, force: boolean): Promise<{ network: Network; container: Container }> {
  const [network, container] = await Promise.all([resolveNetwork(app, networkRef), resolveContainer(app, containerRef)]);
  if (!findEndpoint(app.topology.current, network.id, container.id)) {
    throw app.httpErrors.notFound(`container '${container.name}' is not connected to network '${network.name}'`);
  }
  await app.docker.getNetwork(network.id).disconnect({ Container: container.id, Force: force });
  await app.engineWatcher.refresh({ kind: 'container', id: container.id });
  return { network, container };
}
