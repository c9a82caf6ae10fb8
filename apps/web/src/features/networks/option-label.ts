import { own } from '@bridgeboard/topology';

/** The engine's `-o` keys that have a plainer name. */
const OPTION_NAMES: Record<string, string> = {
  'com.docker.network.driver.mtu': 'MTU',
  'com.docker.network.bridge.name': 'bridge name',
  'com.docker.network.bridge.enable_icc': 'ICC (container ↔ container)',
  'com.docker.network.bridge.enable_ip_masquerade': 'IP masquerade (NAT out)',
  'com.docker.network.bridge.host_binding_ipv4': 'host binding address',
  'com.docker.network.bridge.default_bridge': 'default bridge',
};

/**
 * The label of a network's driver option. The keys are whatever `docker network create -o` was
 * given, and the engine keeps any: `-o constructor=1` must be labelled `constructor`, not by what
 * every object inherits under that name (a function, which React cannot render).
 */
export function optionLabel(key: string): string {
  return own(OPTION_NAMES, key) ?? key;
}
