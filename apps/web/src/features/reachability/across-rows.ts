import { acrossNodes, findContainer, own, overlaySpan, selfNode, type Network, type ReachPair, type Topology } from '@bridgeboard/topology';
import { nodeName } from '../swarm/swarm-names';

/** One pair of "Across nodes": the core's verdict, and where its target is (which the pair says only in words). */
export interface AcrossRow {
  /** Unique in the list: the same target can be reached over two overlays. */
  key: string;
  pair: ReachPair;
  /** A standalone container or a service task on another node, or a vip-mode service at its virtual IP. */
  kind: 'container' | 'task' | 'service';
  /** The overlay the pair goes over. */
  overlay: string;
  /** Where it runs, by hostname (by address when this engine does not know the node, as on a worker); a service: the nodes running its tasks. */
  nodes: string[];
}

interface Place {
  to: string;
  overlay: string;
  kind: AcrossRow['kind'];
  nodes: string[];
}

/** The overlays (not `ingress`) a container has a real endpoint on, as the core picks them. */
function overlaysOf(t: Topology, containerId: string): Network[] {
  return Object.values(t.endpoints)
    .filter((e) => e.containerId === containerId && e.endpointId !== '')
    .map((e) => own(t.networks, e.networkId))
    .filter((n): n is Network => n !== undefined && n.scope === 'swarm' && !n.ingress);
}

function placesOn(t: Topology, n: Network): Place[] {
  const members = overlaySpan(t, n.id).remote.map((m): Place => ({
    to: m.name,
    overlay: n.name,
    kind: m.service ? 'task' : 'container',
    nodes: [nodeName(t, m.nodeAddr)],
  }));
  const services = Object.values(t.services)
    .filter((s) => s.endpointMode === 'vip' && s.vips.some((v) => v.networkId === n.id))
    .map((s): Place => {
      const running = Object.values(t.tasks).filter((x) => x.serviceId === s.id && x.state === 'running');
      const nodes = running.map((x) => own(t.nodes, x.nodeId)?.hostname || x.nodeId.slice(0, 12));
      return { to: s.name, overlay: n.name, kind: 'service', nodes: [...new Set(nodes)].sort() };
    });
  return [...members, ...services];
}

/**
 * `acrossNodes` of the core, each pair with its overlay, kind and node. The core's pair names the
 * overlay only while `from` runs, so each is matched to the place it came from by target name (and
 * overlay when given), each place used once: a target on two shared overlays gives two rows.
 */
export function acrossRows(t: Topology, from: string): AcrossRow[] {
  const a = findContainer(t, from);
  if (!a) return [];
  const places = overlaysOf(t, a.id).flatMap((n) => placesOn(t, n));
  const used = new Set<number>();
  return acrossNodes(t, a.id).map((pair) => {
    const i = places.findIndex(
      (p, j) => !used.has(j) && p.to === pair.to && (pair.networks.length === 0 || pair.networks.includes(p.overlay)),
    );
    used.add(i);
    const place = places[i] ?? { to: pair.to, overlay: pair.networks[0] ?? '', kind: 'container', nodes: [] };
    return { key: `${place.overlay}/${place.kind}/${pair.to}`, pair, kind: place.kind, overlay: place.overlay, nodes: place.nodes };
  });
}

/**
 * The containers that reach something on another node: those with an endpoint on an overlay that
 * has members on other nodes or a vip-mode service. What the "from" picker offers, by name.
 */
export function acrossSources(t: Topology): string[] {
  const spanning = new Set(
    Object.values(t.networks)
      .filter((n) => n.scope === 'swarm' && !n.ingress && placesOn(t, n).length > 0)
      .map((n) => n.id),
  );
  const ids = new Set(Object.values(t.endpoints).flatMap((e) => (e.endpointId !== '' && spanning.has(e.networkId) ? [e.containerId] : [])));
  return [...ids].flatMap((id) => own(t.containers, id)?.name ?? []).sort((x, y) => x.localeCompare(y));
}

/** This engine's own node, by hostname: its badge is drawn as "this engine". */
export const selfHostname = (t: Topology): string | null => selfNode(t)?.hostname ?? null;
