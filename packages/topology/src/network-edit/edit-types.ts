import type { NetworkSpec } from '../network-commands.js';
import type { EngineEndpointSettings } from '../engine-types.js';

/**
 * Editing a network the engine cannot edit: it has no update verb (moby#30237), so the network is
 * re-made — every endpoint disconnected, the network removed, made again as asked, and every
 * endpoint connected again with what it had. These are the plan's shapes, shared by the API (which
 * runs it), the CLI and the board (which show it).
 */

/** What to do with an address the new subnets do not hold. */
export type AddressPolicy = 'map' | 'refuse';

export interface NetworkEditInput {
  /** The network edited (name, id or id prefix). */
  network: string;
  /** The network as it should be, in the engine's terms (options by their `-o` keys). */
  target: NetworkSpec;
  /**
   * Each attached container's settings on this network, as its inspect gives them now (by
   * container id): links, driver options and the fixed addresses live only there.
   */
  settings: Record<string, EngineEndpointSettings>;
  /** `map` moves an address outside the new subnets to the same host number inside them; `refuse` refuses the plan. */
  addresses: AddressPolicy;
  /** The engine's API version: what `network connect` can carry (a MAC from 1.44, a gateway priority from 1.48). */
  apiVersion: string;
}

/** One container's endpoint, as it is and as it will be. */
export interface EditEndpoint {
  container: string;
  containerId: string;
  running: boolean;
  before: { ipv4: string | null; ipv6: string | null; mac: string | null };
  /** What the endpoint will have; an address null is the engine's to choose. */
  after: { ipv4: string | null; ipv6: string | null; mac: string | null };
  /** How each of them is kept, in words (`asked for with --ip`, `derived from the address by the engine`, …). */
  kept: { field: 'ipv4' | 'ipv6' | 'mac' | 'aliases' | 'links' | 'driver-opts' | 'gw-priority'; how: string }[];
  /** Aliases given explicitly, kept as they are. */
  aliases: string[];
  /** Aliases compose gave the endpoint (its service name, the container's name): kept explicitly, since a plain reconnect drops them. */
  composeAliases: string[];
  /** `--link` entries on this network (`container:alias`). */
  links: string[];
  driverOpts: Record<string, string>;
  gwPriority: number | null;
  /** Steps (indexes into `steps`) from which to which this container is off the network; null for a stopped container. */
  offline: { from: number; to: number } | null;
}

/**
 * One step. `network` in a disconnect is the network's name before the edit, in a connect its
 * name after (the same unless renamed): what the engine is asked for at that moment.
 */
export type EditStep =
  | { kind: 'disconnect'; network: string; container: string; containerId: string }
  | { kind: 'remove-network'; network: string }
  | { kind: 'create-network'; spec: NetworkSpec }
  | {
      kind: 'connect';
      network: string;
      container: string;
      containerId: string;
      ipv4: string | null;
      ipv6: string | null;
      aliases: string[];
      links: string[];
      mac: string | null;
      driverOpts: Record<string, string>;
      gwPriority: number | null;
    };

/** One field of the network that changes (`options.com.docker.network.driver.mtu`, `subnets[0].subnet`, `labels.team`, `internal`, …). */
export interface EditChange {
  field: string;
  from: string | null;
  to: string | null;
}

export interface NetworkEditPlan {
  /** The network's name and id as they are now. */
  network: string;
  networkId: string;
  /**
   * A digest of what the plan was made from (the network, its endpoints and their settings, the
   * containers' states): applying a plan whose basis no longer matches is refused.
   */
  basis: string;
  before: NetworkSpec;
  after: NetworkSpec;
  changes: EditChange[];
  endpoints: EditEndpoint[];
  steps: EditStep[];
  /** The CLI command each step stands for, in order. */
  commands: string[];
  /** One sentence: who loses connectivity, from which step to which. */
  connectivity: string;
  /** What cannot be kept as it is, and what the plan does about it. */
  unkept: { container: string | null; what: string; resolution: 'mapped' | 'refused' | 'changes' }[];
  warnings: string[];
  /** Why the plan cannot run; whenever there is one, `steps` and `commands` are empty. */
  refusals: { container: string | null; field: string | null; reason: string }[];
}
