import { describe, expect, it } from 'vitest';
import { endpointKey, fromEngine, type EngineContainer, type EngineNetwork, type Topology } from '@bridgeboard/topology';
import fixture from '@bridgeboard/topology/fixtures/reachability-1.41.json';
import { reachFrom } from './reach-from';

const fx = fixture as unknown as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const stack = fromEngine(fx.networksList, fx.containersInspect);
const id = (t: Topology, name: string) => Object.values(t.containers).find((c) => c.name === `bbreach-${name}`)?.id ?? '';
const net = (t: Topology, name: string) => Object.values(t.networks).find((n) => n.name === name)?.id ?? '';

describe('reachFrom', () => {
  it('marks every other chip by name, IP, link or none, and the source as self', () => {
    const view = reachFrom(stack, id(stack, 'legacy-web'));
    const mark = (name: string) => view?.chips.get(id(stack, name))?.mark;
    expect(view?.chips.size).toBe(Object.keys(stack.containers).length);
    expect(mark('legacy-web')).toBe('self');
    expect(mark('legacy-db')).toBe('link');
    expect(mark('loner')).toBe('ip');
    expect(mark('host')).toBe('ip');
    expect(mark('web')).toBe('none');
    expect(view?.chips.get(id(stack, 'web'))?.explanation).toMatch(/share no network/);
  });

  it('lights only the bridges and links of reachable paths', () => {
    const view = reachFrom(stack, id(stack, 'api'));
    expect(view?.chips.get(id(stack, 'db'))?.mark).toBe('name');
    expect(view?.networks.has(net(stack, 'bbreach-back'))).toBe(true);
    expect(view?.networks.has(net(stack, 'bbreach-quiet'))).toBe(false);
    expect(view?.endpoints.has(endpointKey(net(stack, 'bbreach-back'), id(stack, 'db')))).toBe(true);
    // stopped is configured on bbreach-back but reached by nothing.
    expect(view?.endpoints.has(endpointKey(net(stack, 'bbreach-back'), id(stack, 'stopped')))).toBe(false);
  });

  it('is null for a container that is gone', () => {
    expect(reachFrom(stack, 'nope')).toBeNull();
  });

  // The tables are plain objects: read by a bare `[id]`, these "existed", and the view was drawn from `Object`.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('is null for %s, which no container is', (ref) => {
    expect(reachFrom(stack, ref)).toBeNull();
  });
});
