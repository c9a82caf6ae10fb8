import { useQuery } from '@tanstack/react-query';
import { endpointsOfContainer, findContainer } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { useTopology } from '../topology/topology-query';
import { wireKeys } from './wire-keys';
import { useEngineId } from '../engines/engine-selection';

/**
 * The veth pairs under a container's links (`GET /api/engines/:engine/containers/:id/wire`). The server reads them
 * from the host's /sys, which the socket does not watch: the key carries the container's
 * endpoints and state, so a connect, disconnect, restart (a new pair) reads them again. A container
 * that is not running has no pair to read, and is about to go when it is being removed: no request
 * then, and `notRunning` says why instead.
 */
export function useContainerWire(name: string) {
  const engine = useEngineId();
  const { data: t } = useTopology();
  const c = t ? findContainer(t, name) : undefined;
  const endpoints = t && c ? endpointsOfContainer(t, c.id).map((e) => `${e.networkId}:${e.endpointId}`) : [];
  const signature = c ? [c.id, c.state, ...endpoints.sort()].join('|') : '';
  const running = c?.state === 'running';
  const query = useQuery({
    queryKey: [...wireKeys.container(name, signature), engine],
    queryFn: () => dataOf(client.GET('/api/engines/{engine}/containers/{id}/wire', { params: { path: { engine, id: name } } })),
    enabled: running,
  });
  return { ...query, notRunning: c && !running ? `${c.name} is ${c.state}: a container that is not running has no veth pairs` : null };
}
