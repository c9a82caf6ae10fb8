import { describe, expect, it } from 'vitest';
import type { ProbedPair } from '@bridgeboard/contract';
import { outcomeOf, outcomesOf, unprobedSources } from './probe-outcome';

const pair = (over: Partial<ProbedPair>): ProbedPair => ({
  from: 'web',
  to: 'db',
  predicted: { byName: true, byIp: true },
  observed: { byName: true, byIp: true },
  agrees: true,
  note: null,
  tried: { db: true, '10.0.0.3': true },
  ...over,
});

describe('probe outcomes', () => {
  it('agrees, with what answered', () => {
    expect(outcomeOf(pair({}))).toEqual({ mark: 'agree', text: 'Live check agrees: reached by name and IP (answered: db, 10.0.0.3)' });
  });

  it('differs: predicted and observed, and which names stayed silent', () => {
    const o = outcomeOf(
      pair({ observed: { byName: false, byIp: true }, agrees: false, tried: { db: false, store: false, '10.0.0.3': true } }),
    );
    expect(o.mark).toBe('differ');
    expect(o.text).toBe('Live check differs: predicted by name and IP, observed by IP only (answered: 10.0.0.3; silent: db, store)');
  });

  it('not probed, with the server note', () => {
    const o = outcomeOf(pair({ observed: null, agrees: null, note: 'web is not running: nothing to probe from', tried: {} }));
    expect(o).toEqual({
      mark: 'none',
      text: 'Not probed: web is not running: nothing to probe from',
      reason: 'web is not running: nothing to probe from',
    });
  });

  it('not probed because the container lacks the tools: never "not reachable"', () => {
    const note = 'web has no ping: the probe runs sh, ping, timeout, sed and head inside it';
    const o = outcomeOf(pair({ observed: null, agrees: null, note, tried: {} }));
    expect(o).toEqual({ mark: 'none', text: `Not probed: ${note}`, reason: note });
  });

  it('names each container a run could not probe from once, with its reason', () => {
    const noSh = 'slim has no sh: the probe runs sh, ping, timeout, sed and head inside it';
    const stopped = 'old is not running: nothing to probe from';
    const run = {
      pairs: [
        pair({}),
        pair({ from: 'slim', observed: null, agrees: null, note: noSh, tried: {} }),
        pair({ from: 'slim', to: 'web', observed: null, agrees: null, note: noSh, tried: {} }),
        pair({ from: 'old', observed: null, agrees: null, note: stopped, tried: {} }),
      ],
      startedAt: '',
      durationMs: 1,
    };
    expect(unprobedSources(run)).toEqual([
      { from: 'slim', reason: noSh },
      { from: 'old', reason: stopped },
    ]);
    expect(unprobedSources({ ...run, pairs: [pair({})] })).toEqual([]);
  });

  it('keys a run by from→to', () => {
    const run = outcomesOf({ pairs: [pair({}), pair({ from: 'db', to: 'web' })], startedAt: '', durationMs: 1 });
    expect([...run.keys()]).toEqual(['web→db', 'db→web']);
  });
});
