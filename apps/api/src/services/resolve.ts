import type { Engine } from '../fleet/engine.js';
import { findContainer, findNetwork, own, type Container, type Network } from '@bridgeboard/topology';
import { inspectContainer, inspectNetwork } from '../engine/engine-reader.js';
import { BridgeboardError } from '../errors.js';

/**
 * Looks a name or id up in the store. On a miss (an object made a moment ago may not have
 * reached the store yet) it asks the engine once, then has the watcher read the object by its id,
 * so the store — not this request — decides what the object is. A reference that names nothing
 * (`toString` included: the store's tables are read by their own keys only) is the caller's
 * mistake, named in the answer.
 */
export async function resolveNetwork(engine: Engine, ref: string): Promise<Network> {
  const found = findNetwork(engine.store.current, ref);
  if (found) return found;
  const raw = await inspectNetwork(engine.docker, ref);
  if (raw) await engine.watcher.refresh({ kind: 'network', id: raw.Id });
  const late = raw ? own(engine.store.current.networks, raw.Id) : undefined;
  if (!late) throw new BridgeboardError('not-found', `network '${ref}' not found`);
  return late;
}

export async function resolveContainer(engine: Engine, ref: string): Promise<Container> {
  const found = findContainer(engine.store.current, ref);
  if (found) return found;
  const raw = await inspectContainer(engine.docker, ref);
  if (raw) await engine.watcher.refresh({ kind: 'container', id: raw.Id });
  const late = raw ? own(engine.store.current.containers, raw.Id) : undefined;
  if (!late) throw new BridgeboardError('not-found', `container '${ref}' not found`);
  return late;
}
