import { describe, expect, it } from 'vitest';
import type { ProbedPair, ProbeResponse } from '@bridgeboard/contract';
import { managerTopology } from '../swarm/swarm-fixture';
import { acrossTally, probedFor } from './across-probe-result';
import { acrossRows } from './across-rows';
import { observedMark } from './probe-outcome';

const rows = acrossRows(managerTopology(), 'fx-a');
const [toB, toTask, toService] = rows.map((r) => r.pair.to);
const pair = (to: string, over: Partial<ProbedPair> = {}): ProbedPair => ({
  from: 'fx-a',
  to,
  predicted: { byName: true, byIp: true },
  observed: { byName: true, byIp: true },
  agrees: true,
  note: null,
  tried: {},
  ...over,
});
const run = (pairs: ProbedPair[]): ProbeResponse => ({ pairs, startedAt: '2026-12-04T18:00:00.000Z', durationMs: 1200 });

describe('a probe across nodes', () => {
  it('matches each row to its probed pair, and counts a silent virtual IP as a difference', () => {
    const vipSilent = pair(toService ?? '', { observed: { byName: false, byIp: false }, agrees: false });
    const probed = probedFor(run([pair(toB ?? ''), pair(toTask ?? ''), vipSilent]), rows);
    expect(probed.get(toService ?? '')).toBe(vipSilent);
    expect(observedMark(vipSilent)).toBe('none');
    expect(acrossTally(rows, probed)).toEqual({ agree: 2, differ: 1, none: 0 });
  });

  it('keeps the across-nodes answer when a pair on this engine has the same target name (the server sends it last)', () => {
    const local = pair(toB ?? '', { observed: { byName: false, byIp: true }, agrees: false });
    const remote = pair(toB ?? '');
    expect(probedFor(run([local, remote]), rows).get(toB ?? '')).toBe(remote);
  });

  it('counts rows the run did not cover, and pairs it could not probe, as not probed', () => {
    const unprobed = pair(toB ?? '', { observed: null, agrees: null, note: 'fx-a has no ping' });
    const probed = probedFor(run([unprobed, pair('fx-a-elsewhere')]), rows);
    expect([...probed.keys()]).toEqual([toB]);
    expect(observedMark(unprobed)).toBeNull();
    expect(acrossTally(rows, probed)).toEqual({ agree: 0, differ: 0, none: 3 });
  });

  it('reads what was observed in the prediction’s marks', () => {
    expect(observedMark(pair('x'))).toBe('name');
    expect(observedMark(pair('x', { observed: { byName: false, byIp: true } }))).toBe('ip');
    expect(observedMark(pair('x', { observed: { byName: true, byIp: false } }))).toBe('name');
  });
});
