import { endpointsOfContainer, isDefaultBridge, own, type Container, type Topology } from '@bridgeboard/topology';

/** Whether the container is attached to the default bridge (`docker0`). */
export function onDefaultBridge(t: Topology, c: Container): boolean {
  return endpointsOfContainer(t, c.id).some((e) => {
    const n = own(t.networks, e.networkId);
    return n !== undefined && isDefaultBridge(n);
  });
}

/** The containers the assistant offers, by name: those on the default bridge, plus any asked for by name. */
export function migrationCandidates(t: Topology, asked: readonly string[]): Container[] {
  const list = Object.values(t.containers).filter((c) => onDefaultBridge(t, c) || asked.includes(c.name));
  return list.sort((a, b) => a.name.localeCompare(b.name));
}
