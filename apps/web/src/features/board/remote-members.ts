import { endpointKey, overlaySpans, type OverlayMember, type Topology } from '@bridgeboard/topology';

const NONE: ReadonlyMap<string, OverlayMember> = new Map();
const known = new WeakMap<Topology, ReadonlyMap<string, OverlayMember>>();
/** The last answer: a patch that leaves the members as they were gets the same map (===), so memoised readers skip work. */
let last: ReadonlyMap<string, OverlayMember> = NONE;

/**
 * The members of swarm overlays that run on other nodes, by member key: this engine's own are its
 * containers. Made once per topology (the board, its layout and the search all ask per render).
 */
export function remoteMembers(t: Topology): ReadonlyMap<string, OverlayMember> {
  const cached = known.get(t);
  if (cached) return cached;
  const found = hasNoSwarm(t) ? NONE : collect(t);
  const answer = sameMembers(found, last) ? last : found;
  last = answer;
  known.set(t, answer);
  return answer;
}

/** Members come from the verbose inspects or from the tasks: with neither there is none, and no need to walk the endpoints. */
function hasNoSwarm(t: Topology): boolean {
  return isEmpty(t.members) && isEmpty(t.tasks);
}

function isEmpty(table: object): boolean {
  for (const key in table) if (Object.hasOwn(table, key)) return false;
  return true;
}

function collect(t: Topology): Map<string, OverlayMember> {
  const remote = new Map<string, OverlayMember>();
  for (const span of overlaySpans(t).values()) for (const m of span.remote) remote.set(endpointKey(m.networkId, m.endpointId), m);
  return remote;
}

function sameMembers(a: ReadonlyMap<string, OverlayMember>, b: ReadonlyMap<string, OverlayMember>): boolean {
  if (a.size !== b.size) return false;
  for (const [key, m] of a) if (b.get(key) !== m) return false;
  return true;
}
