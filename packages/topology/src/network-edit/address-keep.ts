import { addressProblem, formatAddress, holds, mapAddress, parseAddress, type Family } from './address-map.js';
import type { EditContext, Refusal, Unkept } from './edit-context.js';

/**
 * One address of one endpoint through the edit: kept when a new subnet holds it, else mapped to
 * the same host number or refused, as the user chose. A kept address is asked for with --ip, which
 * also fixes it (IPAMConfig) from then on, as `docker network connect --ip` always does.
 */

export interface AddressOutcome {
  after: string | null;
  kept: string | null;
  unkept: Unkept | null;
  refusal: Refusal | null;
}

const FLAG: Record<Family, string> = { ipv4: '--ip', ipv6: '--ip6' };
const NAME: Record<Family, string> = { ipv4: 'IPv4', ipv6: 'IPv6' };
const NONE: AddressOutcome = { after: null, kept: null, unkept: null, refusal: null };

/** `source`: the live address of a running container, the fixed one of a stopped container. */
export function keepAddress(ctx: EditContext, container: string, family: Family, source: string | null, fixed: boolean): AddressOutcome {
  if (!source) return NONE;
  const net = ctx.network.name;
  const refused = (what: string, reason: string): AddressOutcome => ({
    after: null,
    kept: null,
    unkept: { container, what, resolution: 'refused' },
    refusal: { container, field: family, reason },
  });
  const a = parseAddress(source);
  if (a?.family !== family)
    return refused(`${NAME[family]} address ${source}`, `'${container}' has '${source}' on '${net}', not an ${NAME[family]} address`);
  if (family === 'ipv6' && !ctx.target.ipv6) {
    return refused(
      `IPv6 address ${source} (the network is made again without IPv6)`,
      `'${container}' has the IPv6 address ${source} on '${net}', and the network is made again without IPv6: turn IPv6 on, or disconnect '${container}' first`,
    );
  }
  const rooms = ctx.newRooms.filter((r) => r.family === family);
  if (rooms.some((r) => holds(r, family, a.value))) {
    const how = fixed
      ? `fixed with ${FLAG[family]}, asked for again`
      : `asked for with ${FLAG[family]}: fixed from then on, as \`docker network connect ${FLAG[family]}\` makes it`;
    return { after: source, kept: how, unkept: null, refusal: null };
  }

  const inside = rooms.map((r) => r.cidr).join(' or ');
  if (rooms.length === 0) {
    return refused(
      `${NAME[family]} address ${source} (no ${NAME[family]} subnet in the new network)`,
      `'${container}' has ${source} on '${net}', and the network is made again with no ${NAME[family]} subnet to hold it: give one`,
    );
  }
  // The same host number in the new subnet at the same place among those of its family.
  const from = ctx.oldRooms.filter((r) => r.family === family);
  const at = from.findIndex((r) => holds(r, family, a.value));
  const to = rooms[Math.min(Math.max(at, 0), rooms.length - 1)] ?? rooms[0];
  if (!to) return NONE;
  const value = mapAddress(a.value, from[at] ?? null, to);
  const mapped = formatAddress(family, value);
  const problem = addressProblem(to, value);
  const outside = `'${container}' has ${source} on '${net}', outside the new subnet ${inside}`;
  if (ctx.policy === 'refuse') {
    const choice = problem
      ? `choosing "map" would not help: the same host number there, ${mapped}, is ${problem}`
      : `choosing "map" would move it to ${mapped}`;
    return refused(`${NAME[family]} address ${source} (outside ${inside})`, `${outside}: ${choice}`);
  }
  if (problem) {
    return refused(
      `${NAME[family]} address ${source} (outside ${inside}; ${mapped} is ${problem})`,
      `${outside}, and the same host number there, ${mapped}, is ${problem}: choose another subnet, or disconnect '${container}' first`,
    );
  }
  return {
    after: mapped,
    kept: null,
    unkept: { container, what: `${NAME[family]} address ${source} → ${mapped} (outside ${inside})`, resolution: 'mapped' },
    refusal: null,
  };
}
