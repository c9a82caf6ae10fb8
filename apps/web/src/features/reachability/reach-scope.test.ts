import { describe, expect, it } from 'vitest';
import { fromEngine, reachability, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/reachability-1.41.json';
import { defaultScope, membersOf, pairsAmong, parseScope, scopeOptions, scopeValue } from './reach-scope';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const stack = fromEngine(fx.networksList, fx.containersInspect);
const names = (cs: { name: string }[]) => cs.map((c) => c.name.replace('bbreach-', ''));

describe('reachability scopes', () => {
  it('a network holds its containers, stopped ones too', () => {
    expect(names(membersOf(stack, { kind: 'network', name: 'bbreach-back' }))).toEqual(['api', 'db', 'stopped']);
    expect(membersOf(stack, { kind: 'network', name: 'nope' })).toEqual([]);
  });

  it('defaults to the first user-defined network with two containers or more', () => {
    expect(defaultScope(stack)).toEqual({ kind: 'network', name: 'bbreach-back' });
  });

  it('offers networks of two or more, and all', () => {
    const values = scopeOptions(stack).map((o) => o.value);
    expect(values).toContain('network:bbreach-front');
    expect(values).toContain('network:bridge');
    expect(values).not.toContain('network:none'); // only bbreach-none on it
    expect(values.at(-1)).toBe('all');
  });

  it('round-trips through the URL value', () => {
    for (const s of [{ kind: 'all' }, { kind: 'network', name: 'a:b' }, { kind: 'project', name: 'shop' }] as const)
      expect(parseScope(scopeValue(s))).toEqual(s);
    expect(parseScope('bogus')).toBeNull();
  });

  it('pairs among a scope equal the full computation, even with container: partners and links outside it', () => {
    const full = reachability(stack);
    for (const option of scopeOptions(stack)) {
      const members = new Set(membersOf(stack, option.scope).map((c) => c.name));
      const expected = full.filter((p) => members.has(p.from) && members.has(p.to));
      expect(pairsAmong(stack, membersOf(stack, option.scope)), option.value).toEqual(expected);
    }
    // The sidecar shares web's stack, and legacy-web links to legacy-db: neither partner is in this cut.
    const cut = ['bbreach-sidecar', 'bbreach-api', 'bbreach-legacy-web', 'bbreach-loner'];
    const members = membersOf(stack, { kind: 'all' }).filter((c) => cut.includes(c.name));
    expect(pairsAmong(stack, members)).toEqual(full.filter((p) => cut.includes(p.from) && cut.includes(p.to)));
  });
});
