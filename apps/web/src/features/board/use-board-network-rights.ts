import { useMemo } from 'react';
import { own, type Topology } from '@bridgeboard/topology';
import { useNetworkPermission } from '../auth/network-permission-hook';
import type { NetworkChange, NetworkRights } from './network-rights';

/**
 * The user's rights on each network of the board (network-rights.ts), for the board's page to
 * give. With operator on the whole engine nothing is refused, and nothing asked; otherwise each
 * network is asked of the user's roles and grants, as the server's guard asks them.
 */
export function useBoardNetworkRights(topology: Topology | undefined, onWholeEngine: boolean): NetworkRights {
  const permission = useNetworkPermission();
  return useMemo(() => {
    if (onWholeEngine || !topology) return { refusal: () => null, partial: false };
    const refusal = (networkId: string, change: NetworkChange) => {
      const network = own(topology.networks, networkId);
      return network ? permission(change, network).reason : null;
    };
    const partial = Object.values(topology.networks).some((n) => permission('connect', n).allowed);
    return { refusal, partial };
  }, [topology, onWholeEngine, permission]);
}
