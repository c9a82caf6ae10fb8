import { Type, type Static } from 'typebox';
import { Ref } from './common.js';
import { EngineRef } from './engines.js';

/** One veth pair: the container's end (`eth0`…) and the host's end plugged into a bridge. */
export const WireLinkSchema = Type.Object({
  network: Type.String(),
  /** The container-side interface, e.g. `eth0`. */
  containerInterface: Type.String(),
  mac: Type.String(),
  /** The container interface's `iflink`: the host-side peer's ifindex. */
  peerIfindex: Type.Integer(),
  /** The host-side veth, e.g. `veth3a9c2f1`; null when no host interface has that ifindex. */
  hostInterface: Type.Union([Type.String(), Type.Null()]),
  /** The bridge the host end is plugged into (`docker0`, `br-…`). */
  bridge: Type.Union([Type.String(), Type.Null()]),
  mtu: Type.Union([Type.Integer(), Type.Null()]),
});
export type WireLink = Static<typeof WireLinkSchema>;

export const WireResponse = Type.Object({
  container: Type.String(),
  /** False when Bridgeboard cannot see the host's interfaces; `reason` says why. */
  available: Type.Boolean(),
  reason: Type.Union([Type.String(), Type.Null()]),
  links: Type.Array(WireLinkSchema),
});
export type WireResponse = Static<typeof WireResponse>;

export const ContainerParams = Type.Object({ engine: EngineRef, id: Ref }, { additionalProperties: false });
