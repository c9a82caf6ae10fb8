import { addressProblem, parseAddress } from './address-map.js';
import type { EditContext, Refusal } from './edit-context.js';
import type { EditEndpoint } from './edit-types.js';

/**
 * The addresses the connects will ask for, checked together: each must sit in a new subnet, off
 * its gateway, its aux addresses and its network/broadcast address, and no two endpoints may ask
 * for the same one. A kept address can fail too, when the edit moves the gateway or adds an aux
 * address onto it.
 */
export function addressCollisions(ctx: EditContext, endpoints: readonly EditEndpoint[]): Refusal[] {
  const refusals: Refusal[] = [];
  const taken = new Map<string, string>();
  for (const e of endpoints) {
    for (const family of ['ipv4', 'ipv6'] as const) {
      const text = e.after[family];
      const a = text ? parseAddress(text) : null;
      if (!text || !a) continue;
      const rooms = ctx.newRooms.filter((r) => r.family === a.family);
      const room =
        rooms.find((r) => addressProblem(r, a.value) === null) ?? rooms.find((r) => !addressProblem(r, a.value)?.startsWith('outside'));
      const problem = room ? addressProblem(room, a.value) : `outside ${rooms.map((r) => r.cidr).join(' or ') || 'every new subnet'}`;
      if (problem) {
        refusals.push({
          container: e.container,
          field: family,
          reason: `'${e.container}' would ask for ${text} on '${ctx.target.name}', ${problem}`,
        });
        continue;
      }
      const key = `${a.family}/${a.value.toString(16)}`;
      const other = taken.get(key);
      if (other !== undefined) {
        refusals.push({
          container: e.container,
          field: family,
          reason: `'${e.container}' would ask for ${text} on '${ctx.target.name}', the address '${other}' asks for`,
        });
      } else taken.set(key, e.container);
    }
  }
  return refusals;
}
