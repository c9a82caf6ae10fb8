import { connectRefusal, endpointsOfNetwork, own, type Container, type Endpoint, type Network, type Topology } from '@bridgeboard/topology';
import { changedKeys } from '../board/table-changes';

/**
 * The network panel's two lists, kept from one patch to the next (issue 13): a patch that changes
 * nothing of this network hands back the same arrays, and the containers are sorted by name again
 * only when one came, went or was renamed. Each answer equals the from-scratch one.
 */
let attachedMemo: { endpoints: Topology['endpoints']; networkId: string; list: Endpoint[] } | null = null;

/** This engine's endpoints on the network, in the topology's order (as endpointsOfNetwork). */
export function attachedTo(t: Topology, networkId: string): Endpoint[] {
  const memo = attachedMemo;
  if (memo?.networkId === networkId) {
    const prefix = `${networkId}/`;
    if (!changedKeys(memo.endpoints, t.endpoints).some((key) => key.startsWith(prefix))) {
      attachedMemo = { ...memo, endpoints: t.endpoints };
      return memo.list;
    }
  }
  const list = endpointsOfNetwork(t, networkId);
  attachedMemo = { endpoints: t.endpoints, networkId, list };
  return list;
}

let byNameMemo: { containers: Topology['containers']; ids: string[] } | null = null;

/** Container ids by name; sorted again only when the set of names changed. */
function idsByName(t: Topology): string[] {
  const memo = byNameMemo;
  if (memo) {
    const renamed = changedKeys(memo.containers, t.containers).some((id) => own(memo.containers, id)?.name !== own(t.containers, id)?.name);
    if (!renamed) {
      byNameMemo = { containers: t.containers, ids: memo.ids };
      return memo.ids;
    }
  }
  const ids = Object.values(t.containers)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((c) => c.id);
  byNameMemo = { containers: t.containers, ids };
  return ids;
}

/** The containers that may be connected to the network, by name. */
export function connectCandidates(t: Topology, n: Network): Container[] {
  const out: Container[] = [];
  for (const id of idsByName(t)) {
    const c = own(t.containers, id);
    if (c && connectRefusal(t, n, c) === null) out.push(c);
  }
  return out;
}
