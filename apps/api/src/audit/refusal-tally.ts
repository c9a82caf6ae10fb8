import { isIPv6 } from 'node:net';
import { normalizeIP } from '@fastify/rate-limit';
import type { AuditAction } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';

/** One refused request by nobody: what it asked for, what it got, from where. */
export interface Refusal {
  action: AuditAction;
  statusCode: number;
  error: string | null;
  client: string;
}

const MINUTE_MS = 60_000;
/**
 * Tallies a minute that name their address. Past this, that minute's new kinds of refusal are
 * counted under the client `*`: a flood that rotates addresses (an IPv6 /64 holds billions) or
 * varies what it asks cannot add a row per request.
 */
export const NAMED_PER_MINUTE = 60;
/** The client of a tally that stands for the addresses past the first `NAMED_PER_MINUTE` tallies. */
export const OTHER_ADDRESSES = '*';

interface Tally {
  id: number;
  minute: number;
  count: number;
  written: number;
}

/**
 * Refusals of requests that carry no valid credential, counted rather than kept one by one: one
 * audit row per (minute, client address — an IPv6 one by its /64 —, action, status), made by the first refusal of its kind
 * in that minute (so it takes its place in the trail) and holding `params: { count, until }`.
 * Counts are kept in memory and written by `flush()`, so a flood costs one row a minute, not one
 * write per request. Rows a minute are bounded: `NAMED_PER_MINUTE`, plus one `*` row per
 * (action, status).
 */
export class RefusalTally {
  private readonly tallies = new Map<string, Tally>();
  /** Named tallies made in each minute still in memory. */
  private readonly named = new Map<number, number>();
  private lastMinute = 0;

  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  count(refusal: Refusal): void {
    const at = this.now();
    const minute = Math.floor(at / MINUTE_MS) * MINUTE_MS;
    // Whoever else calls `flush()`, a new minute never finds the old ones still in memory.
    if (minute !== this.lastMinute) {
      this.flush();
      this.lastMinute = minute;
    }
    const keyOf = (client: string) => JSON.stringify([minute, client, refusal.action, refusal.statusCode]);
    let client = clientOf(refusal.client);
    let tally = this.tallies.get(keyOf(client));
    if (!tally && (this.named.get(minute) ?? 0) >= NAMED_PER_MINUTE) {
      client = OTHER_ADDRESSES;
      tally = this.tallies.get(keyOf(client));
    }
    if (tally) {
      tally.count += 1;
      return;
    }
    if (client !== OTHER_ADDRESSES) this.named.set(minute, (this.named.get(minute) ?? 0) + 1);
    const row = this.db
      .prepare<unknown[], { id: number }>(
        `INSERT INTO audit (at, user, role, action, network, container, params, result, status_code, error, client)
         VALUES (?, NULL, NULL, ?, NULL, NULL, ?, 'refused', ?, ?, ?) RETURNING id`,
      )
      .get(new Date(at).toISOString(), refusal.action, paramsOf(1, minute), refusal.statusCode, refusal.error, client);
    if (!row) throw new Error('audit insert returned nothing');
    this.tallies.set(keyOf(client), { id: row.id, minute, count: 1, written: 1 });
  }

  /** Writes the counts that grew since the last flush; forgets the minutes that are over. */
  flush(): void {
    const current = Math.floor(this.now() / MINUTE_MS) * MINUTE_MS;
    const update = this.db.prepare<[string, number]>('UPDATE audit SET params = ? WHERE id = ?');
    this.db.transaction(() => {
      for (const [key, tally] of this.tallies) {
        if (tally.count !== tally.written) {
          update.run(paramsOf(tally.count, tally.minute), tally.id);
          tally.written = tally.count;
        }
        if (tally.minute < current) this.tallies.delete(key);
      }
    })();
    for (const minute of this.named.keys()) if (minute < current) this.named.delete(minute);
  }
}

/** As the rate limit counts them: an IPv6 client by its /64 (one host holds all of it), written as such. */
function clientOf(address: string): string {
  const normal = normalizeIP(address);
  return isIPv6(normal) ? `${normal}/64` : normal;
}

function paramsOf(count: number, minute: number): string {
  return JSON.stringify({ count, until: new Date(minute + MINUTE_MS).toISOString() });
}
