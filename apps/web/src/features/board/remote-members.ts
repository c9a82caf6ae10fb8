import { endpointKey, isSwarmScoped, overlaySpan, type OverlayMember, type Topology } from '@bridgeboard/topology';

/** The members of swarm overlays that run on other nodes, by member key: this engine's own are its containers. */
export function remoteMembers(t: Topology): Map<string, OverlayMember> {
  const remote = new Map<string, OverlayMember>();
  for (const n of Object.values(t.networks)) {
    if (!isSwarmScoped(n)) continue;
    for (const m of overlaySpan(t, n.id).remote) remote.set(endpointKey(m.networkId, m.endpointId), m);
  }
  return remote;
}
