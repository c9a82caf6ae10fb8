import { createContext, useContext } from 'react';

/** What the board does to a network that rights can refuse: a container joins it, or leaves it. */
export type NetworkChange = 'connect' | 'disconnect';

/**
 * The signed-in user's rights on each network of the board, from its roles and grants (given by
 * the board's page): why a change to the network would be refused, in the server's own words, or
 * null when it would not. `partial`: the user may change some networks and not others, so the
 * board marks the ones it may not (a viewer who may change none is told once, by the legend).
 */
export interface NetworkRights {
  refusal: (networkId: string, change: NetworkChange) => string | null;
  partial: boolean;
}

export const NetworkRightsContext = createContext<NetworkRights>({ refusal: () => null, partial: false });

export const useNetworkRights = () => useContext(NetworkRightsContext);
