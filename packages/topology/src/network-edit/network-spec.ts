import type { NetworkSpec } from '../network-commands.js';
import type { Network } from '../types.js';

/**
 * The network as it is, in the terms `docker network create` takes: what re-making it unchanged
 * would ask for. The subnets are the ones the engine's IPAM holds, chosen or not, so a network made
 * without --subnet is made again on the same one (and its endpoints' addresses still fit).
 */
export function specOfNetwork(n: Network): NetworkSpec {
  return {
    name: n.name,
    driver: n.driver,
    subnets: n.ipam.config.map((c) => ({
      subnet: c.subnet,
      gateway: c.gateway,
      ipRange: c.ipRange,
      auxAddresses: { ...c.auxAddresses },
    })),
    internal: n.internal,
    ipv6: n.enableIPv6,
    attachable: n.attachable,
    options: { ...n.options },
    labels: { ...n.labels },
    ...(n.ipam.driver && n.ipam.driver !== 'default' ? { ipamDriver: n.ipam.driver } : {}),
    ...(Object.keys(n.ipam.options).length > 0 ? { ipamOptions: { ...n.ipam.options } } : {}),
  };
}
