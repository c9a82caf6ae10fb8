import type { FastifyInstance } from 'fastify';
import { findContainer, findNetwork, type Container, type Network } from '@bridgeboard/topology';
import { inspectContainer, inspectNetwork } from '../engine/engine-reader.js';

/**
 * Looks a name or id up in the store. On a miss (an object made a moment ago may not have
 * reached the store yet) it asks the engine once, then has the watcher read the object by its id,
 * so the store — not this request — decides what the object is.
 */
export async function resolveNetwork(app: FastifyInstance, ref: string): Promise<Network> {
  const found = findNetwork(app.topology.current, ref);
  if (found) return found;
  const raw = await inspectNetwork(app.docker, ref);
  if (raw) await app.engineWatcher.refresh({ kind: 'network', id: raw.Id });
  const late = raw && app.topology.current.networks[raw.Id];
  if (!late) throw app.httpErrors.notFound(`network '${ref}' not found`);
  return late;
}

export async function resolveContainer(app: FastifyInstance, ref: string): Promise<Container> {
  const found = findContainer(app.topology.current, ref);
  if (found) return found;
  const raw = await inspectContainer(app.docker, ref);
  if (raw) await app.engineWatcher.refresh({ kind: 'container', id: raw.Id });
  const late = raw && app.topology.current.containers[raw.Id];
  if (!late) throw app.httpErrors.notFound(`container '${ref}' not found`);
  return late;
}
