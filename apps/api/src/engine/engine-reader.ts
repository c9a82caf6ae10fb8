import type Docker from 'dockerode';
import pLimit from 'p-limit';
import type { EngineContainer, EngineNetwork } from '@bridgeboard/topology';

/**
 * The engine reads the watcher makes, and nothing else: list at start and after a reconnect,
 * one inspect per object an event names. `null` means the engine says the object is gone.
 */

const INSPECT_CONCURRENCY = 8;

function isNotFound(err: unknown): boolean {
  return (err as { statusCode?: number }).statusCode === 404;
}

export async function inspectContainer(docker: Docker, id: string): Promise<EngineContainer | null> {
  try {
    return await docker.getContainer(id).inspect();
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export async function inspectNetwork(docker: Docker, id: string): Promise<EngineNetwork | null> {
  try {
    return (await docker.getNetwork(id).inspect()) as EngineNetwork;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Network list (one call), container list (one call), then one inspect per container: the list lacks aliases and links. */
export async function listAll(docker: Docker): Promise<{ networks: EngineNetwork[]; containers: EngineContainer[] }> {
  const [networks, summaries] = await Promise.all([docker.listNetworks(), docker.listContainers({ all: true })]);
  const limit = pLimit(INSPECT_CONCURRENCY);
  const inspected = await Promise.all(summaries.map((c) => limit(() => inspectContainer(docker, c.Id))));
  return { networks: networks as EngineNetwork[], containers: inspected.filter((c): c is EngineContainer => c !== null) };
}
