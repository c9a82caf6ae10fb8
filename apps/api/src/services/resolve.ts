import type { FastifyInstance } from 'fastify';
import { findContainer, findNetwork, type Container, type Network } from '@bridgeboard/topology';

/**
 * Looks a name or id up in the store; on a miss, asks the watcher to read it once from the
 * engine (an object made a moment ago may not have reached the store yet).
 */
export async function resolveNetwork(app: FastifyInstance, ref: string): Promise<Network> {
  const found = findNetwork(app.topology.current, ref);
  if (found) return found;
  await app.engineWatcher.refresh({ kind: 'network', id: ref });
  const late = findNetwork(app.topology.current, ref);
  if (!late) throw app.httpErrors.notFound(`network '${ref}' not found`);
  return late;
}

export async function resolveContainer(app: FastifyInstance, ref: string): Promise<Container> {
  const found = findContainer(app.topology.current, ref);
  if (found) return found;
  await app.engineWatcher.refresh({ kind: 'container', id: ref });
  const late = findContainer(app.topology.current, ref);
  if (!late) throw app.httpErrors.notFound(`container '${ref}' not found`);
  return late;
}
