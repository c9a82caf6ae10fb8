import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.js';
import { AuditLog } from './audit-log.js';
import { NAMED_PER_MINUTE, OTHER_ADDRESSES, type Refusal } from './refusal-tally.js';

const T0 = Date.parse('2025-03-01T12:00:10Z');
const refusal = (client: string, statusCode = 401): Refusal => ({ action: 'network.create', statusCode, error: 'sign in first', client });

/** An audit log on a fresh database whose clock the test moves. */
function logAt(start: number) {
  const clock = { now: start };
  const log = new AuditLog(openDatabase(':memory:'), () => clock.now);
  const rows = () => log.query({ limit: 500 }).entries.map((e) => [e.client, e.statusCode, e.params.count, e.at, e.params.until]);
  return { log, clock, rows };
}

describe('RefusalTally', () => {
  it('one row per address, action and status in a minute; its count grows in place', () => {
    const { log, clock, rows } = logAt(T0);
    for (let i = 0; i < 5; i++) log.countRefusal(refusal('10.0.0.1'));
    log.countRefusal(refusal('10.0.0.1', 429));
    clock.now += 30_000;
    log.countRefusal(refusal('10.0.0.2'));
    log.countRefusal(refusal('10.0.0.1'));
    const until = '2025-03-01T12:01:00.000Z';
    expect(rows()).toEqual([
      ['10.0.0.2', 401, 1, '2025-03-01T12:00:40.000Z', until],
      ['10.0.0.1', 429, 1, '2025-03-01T12:00:10.000Z', until],
      ['10.0.0.1', 401, 6, '2025-03-01T12:00:10.000Z', until],
    ]);
  });

  it('a new minute starts new rows; the last counts of the old one are written', () => {
    const { log, clock, rows } = logAt(T0);
    log.countRefusal(refusal('10.0.0.1'));
    log.countRefusal(refusal('10.0.0.1'));
    clock.now += 60_000;
    log.countRefusal(refusal('10.0.0.1'));
    expect(rows()).toEqual([
      ['10.0.0.1', 401, 1, '2025-03-01T12:01:10.000Z', '2025-03-01T12:02:00.000Z'],
      ['10.0.0.1', 401, 2, '2025-03-01T12:00:10.000Z', '2025-03-01T12:01:00.000Z'],
    ]);
  });

  it(`names at most ${NAMED_PER_MINUTE} clients a minute; the rest are one '${OTHER_ADDRESSES}' row`, () => {
    const { log, rows } = logAt(T0);
    for (let i = 0; i < 1000; i++) log.countRefusal(refusal(`10.1.${i >> 8}.${i & 255}`));
    log.countRefusal(refusal('10.1.0.0'));
    const all = rows();
    expect(all).toHaveLength(NAMED_PER_MINUTE + 1);
    expect(all[0]?.slice(0, 3)).toEqual([OTHER_ADDRESSES, 401, 1000 - NAMED_PER_MINUTE]);
    expect(all.at(-1)?.slice(0, 3)).toEqual(['10.1.0.0', 401, 2]);
  });

  it('counts an IPv6 client by its /64, an IPv4-mapped one as IPv4', () => {
    const { log, rows } = logAt(T0);
    log.countRefusal(refusal('2001:db8:1:2::1'));
    log.countRefusal(refusal('2001:db8:1:2:ffff:ffff:ffff:ffff'));
    log.countRefusal(refusal('::ffff:192.0.2.7'));
    expect(rows().map((r) => r.slice(0, 3))).toEqual([
      ['192.0.2.7', 401, 1],
      ['2001:db8:1:2::/64', 401, 2],
    ]);
  });
});
