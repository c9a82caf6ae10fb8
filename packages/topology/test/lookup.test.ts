import { describe, expect, it } from 'vitest';
import {
  apply,
  emptySwarm,
  diff,
  expandLinkedGroup,
  exportCommands,
  exportCompose,
  exposure,
  findContainer,
  findEndpoint,
  findNetwork,
  fromEngine,
  lints,
  own,
  planMigration,
  reachability,
  type Topology,
} from '../src/index.js';
import { loadFixture } from './fixtures.js';
import { build, ctr, net, port } from './hand-built.js';

/**
 * Names every plain object answers for without holding them. A network or container reference
 * comes from a URL, a query, a body or the engine: none of these may "exist" unless the topology
 * holds an object of that id, name or id prefix.
 */
const INHERITED = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'toLocaleString'];

const fx = loadFixture('1.41');
const recorded = fromEngine(fx.networksList, fx.containersInspect);

describe('own', () => {
  it.each(INHERITED)('finds nothing under %s in a table that does not hold it', (key) => {
    expect(own({ web: 1 }, key)).toBeUndefined();
    expect(own(recorded.networks, key)).toBeUndefined();
    expect(own(recorded.containers, key)).toBeUndefined();
    expect(own(recorded.endpoints, key)).toBeUndefined();
  });

  it.each(INHERITED)('finds an entry a table really holds under %s (as JSON.parse makes it)', (key) => {
    const table = JSON.parse(`{${JSON.stringify(key)}: 7, "web": 1}`) as Record<string, number>;
    expect(own(table, key)).toBe(7);
    expect(own(table, 'web')).toBe(1);
  });
});

describe('findNetwork and findContainer', () => {
  it.each(INHERITED)('answer undefined for %s in a recorded topology', (ref) => {
    expect(findNetwork(recorded, ref)).toBeUndefined();
    expect(findContainer(recorded, ref)).toBeUndefined();
  });

  it('find a network or container that is really named like an inherited key, by its name', () => {
    const t = build([net('bridge'), net('constructor')], [ctr('toString'), ctr('web')], [['constructor', 'toString']]);
    expect(findNetwork(t, 'constructor')?.id).toBe('net-constructor');
    expect(findContainer(t, 'toString')?.id).toBe('ctr-toString');
    expect(findContainer(t, 'constructor')).toBeUndefined();
    expect(findNetwork(t, 'toString')).toBeUndefined();
    expect(findEndpoint(t, 'net-constructor', 'ctr-toString')?.containerId).toBe('ctr-toString');
  });

  it('still find by exact id, by name and by a unique id prefix', () => {
    const web = findContainer(recorded, 'web');
    expect(web).toBeDefined();
    expect(findContainer(recorded, web?.id ?? '')?.name).toBe('web');
    expect(findContainer(recorded, web?.id.slice(0, 12) ?? '')?.name).toBe('web');
  });
});

describe('findEndpoint', () => {
  it.each(INHERITED)('answers undefined when the ids are %s', (id) => {
    expect(findEndpoint(recorded, id, id)).toBeUndefined();
    const web = findContainer(recorded, 'web');
    expect(findEndpoint(recorded, id, web?.id ?? '')).toBeUndefined();
  });
});

describe('what is built on the lookups', () => {
  it.each(INHERITED)('export refuses %s by name, in its own words', (ref) => {
    expect(() => exportCommands(recorded, { networks: [ref] })).toThrow(`No network named '${ref}'`);
    expect(() => exportCompose(recorded, { containers: [ref] })).toThrow(`No container named '${ref}'`);
  });

  it.each(INHERITED)('a migration plan refuses %s as an unknown container', (ref) => {
    const plan = planMigration(recorded, [ref]);
    expect(plan.steps).toEqual([]);
    expect(plan.refusals).toContainEqual({ container: ref, reason: `No container named '${ref}'` });
  });

  it.each(INHERITED)('reachability from %s is no pairs, and a link group keeps the unknown name as given', (ref) => {
    expect(reachability(recorded, { from: ref })).toEqual([]);
    expect(expandLinkedGroup(recorded, [ref])).toEqual([ref]);
  });

  it.each(INHERITED)('an endpoint whose network or container id is %s counts as dangling', (id) => {
    const t = build(
      [net('bridge'), net('shop', {}, '10.1.0.0/24')],
      [ctr('db', { ports: [port(5432)] }), ctr('web')],
      [
        ['shop', 'db'],
        ['shop', 'web'],
      ],
    );
    const dangling: Topology = {
      ...t,
      endpoints: {
        ...t.endpoints,
        [`${id}/ctr-db`]: { ...(t.endpoints['net-shop/ctr-db'] ?? fail()), networkId: id },
        [`net-shop/${id}`]: { ...(t.endpoints['net-shop/ctr-web'] ?? fail()), containerId: id },
      },
    };
    expect(exposure(dangling)).toEqual(exposure(t));
    expect(lints(dangling)).toEqual(lints(t));
    expect(exportCommands(dangling)).toBe(exportCommands(t));
  });
});

describe('diff and apply with keys named like inherited ones', () => {
  it.each(INHERITED)('put and delete %s as an own entry, never touching the prototype', (key) => {
    const before: Topology = { rev: 1, networks: {}, containers: {}, endpoints: {}, ...emptySwarm() };
    const network = { ...net('odd'), id: key };
    const after: Topology = { ...before, rev: 2, networks: Object.fromEntries([[key, network]]) };

    const put = diff(before, after);
    expect(put.ops).toEqual([{ op: 'put', kind: 'networks', key, value: network }]);
    const applied = apply(before, put);
    expect(Object.getPrototypeOf(applied.networks)).toBe(Object.prototype);
    expect(Object.keys(applied.networks)).toEqual([key]);
    expect(own(applied.networks, key)).toEqual(network);

    const del = diff(applied, { ...before, rev: 3 });
    expect(del.ops).toEqual([{ op: 'del', kind: 'networks', key }]);
    expect(Object.keys(apply(applied, del).networks)).toEqual([]);
  });
});

describe('a compose service named like an inherited key', () => {
  it.each(INHERITED)('is exported under its own name: %s', (service) => {
    const t = build(
      [net('bridge'), net('shop', {}, '10.1.0.0/24')],
      [ctr('web', { labels: { 'com.docker.compose.service': service } }), ctr('db')],
      [
        ['shop', 'web', { aliases: ['www'] }],
        ['shop', 'db'],
      ],
    );
    const compose = exportCompose(t);
    expect(compose).toContain(`  ${service}:\n    networks:\n      shop:\n        aliases:\n          - www\n`);
    expect(compose).toContain('  db:\n    networks:\n      shop:\n');
  });
});

describe('fromEngine with an id named like an inherited key', () => {
  it('keeps the object as an own entry of its table', () => {
    const [first] = fx.networksList;
    if (!first) throw new Error('fixture has no network');
    const t = fromEngine([...fx.networksList, { ...first, Id: '__proto__', Name: 'odd' }], []);
    expect(Object.getPrototypeOf(t.networks)).toBe(Object.prototype);
    expect(own(t.networks, '__proto__')?.name).toBe('odd');
    expect(findNetwork(t, 'odd')?.id).toBe('__proto__');
  });
});

function fail(): never {
  throw new Error('hand-built topology lacks an endpoint');
}
