import { useMemo } from 'react';
import type { Topology } from '@bridgeboard/topology';
import { MATRIX_LIMIT, membersOf, pairsAmong, type ReachScope } from './reach-scope';

/**
 * The pairs of one scope, from the cached (socket-fed) topology: recomputed when either changes,
 * so the matrix is live without asking the server.
 */
export function useMatrix(topology: Topology | undefined, scope: ReachScope | null) {
  return useMemo(() => {
    if (!topology || !scope) return null;
    const members = membersOf(topology, scope);
    const names = members.map((c) => c.name);
    if (members.length > MATRIX_LIMIT) return { names, pairs: [], tooMany: true };
    return { names, pairs: pairsAmong(topology, members), tooMany: false };
  }, [topology, scope]);
}
