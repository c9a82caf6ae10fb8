import { describe, expect, it } from 'vitest';
import { emptyTopology, receivePatch, type Patch } from '../src/index.js';

const at = (rev: number) => ({ ...emptyTopology(), rev });
const patch = (rev: number): Patch => ({ rev, ops: [{ op: 'del', kind: 'networks', key: 'x' }] });

describe('receivePatch', () => {
  it('applies the next rev', () => {
    const r = receivePatch(at(4), patch(5));
    expect(r.kind).toBe('apply');
    expect(r.kind === 'apply' && r.topology.rev).toBe(5);
  });
  it('ignores a rev its snapshot already holds', () => {
    expect(receivePatch(at(5), patch(5))).toEqual({ kind: 'ignore' });
    expect(receivePatch(at(5), patch(3))).toEqual({ kind: 'ignore' });
  });
  it('asks for a snapshot on a gap, or before it has one', () => {
    expect(receivePatch(at(4), patch(6))).toEqual({ kind: 'resync' });
    expect(receivePatch(undefined, patch(1))).toEqual({ kind: 'resync' });
  });
});
