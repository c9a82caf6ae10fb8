import type { Container } from '../types.js';
import { macOfAddress } from './address-map.js';
import { startsOn, type EditContext, type Refusal, type Unkept } from './edit-context.js';

/**
 * A running endpoint's MAC address through the edit. From API 1.44 the connect asks for it again
 * (`--mac-address`). Before, the engine cannot take one on connect: it derives a bridge endpoint's
 * MAC from its IPv4 address, so a derived MAC follows the address, and one the container was given
 * with `docker run --mac-address` comes back only on the network it was started on.
 */

export interface MacOutcome {
  after: string | null;
  /** What the connect step asks for. */
  send: string | null;
  kept: string | null;
  unkept: Unkept | null;
  refusal: Refusal | null;
}

export function keepMac(
  ctx: EditContext,
  c: Container,
  mac: string | null,
  ipv4: { before: string | null; after: string | null },
): MacOutcome {
  const none = { send: null, unkept: null, refusal: null };
  if (!mac) return { after: null, kept: null, ...none };
  // libnetwork's ipvlan driver refuses a MAC: its endpoints share the parent interface's.
  if (ctx.network.driver === 'ipvlan') return { after: mac, kept: "the parent interface's, shared by every ipvlan endpoint", ...none };
  if (ctx.canSetMac) return { after: mac, send: mac, kept: 'asked for with --mac-address', unkept: null, refusal: null };
  const derived = macOfAddress(ipv4.before);
  if (derived !== null && derived === mac.toLowerCase()) {
    const after = macOfAddress(ipv4.after);
    if (after === derived) return { after, kept: 'derived from the address by the engine, as before', ...none };
    return {
      after,
      kept: null,
      send: null,
      unkept: {
        container: c.name,
        what: `MAC ${mac} → ${after ?? 'chosen by the engine'} (derived from the address, which moves)`,
        resolution: 'changes',
      },
      refusal: null,
    };
  }
  if (startsOn(c, ctx.network)) return { after: mac, kept: 'the engine gives the container its own --mac-address again', ...none };
  const reason = `'${c.name}' has the MAC ${mac} on '${ctx.network.name}', not derived from its address, and this engine (API <1.44) cannot set a MAC on connect`;
  return {
    after: null,
    kept: null,
    send: null,
    unkept: { container: c.name, what: `MAC ${mac}`, resolution: 'refused' },
    refusal: { container: c.name, field: 'mac', reason },
  };
}
