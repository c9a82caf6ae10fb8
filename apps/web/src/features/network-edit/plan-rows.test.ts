import { describe, expect, it } from 'vitest';
import type { EditEndpoint, NetworkEditPlan } from '@bridgeboard/topology';
import { cellText, changeLabel, changeRows, endpointRows, offersAddressChoice } from './plan-rows';

const spec = { name: 'app', driver: 'bridge', subnets: [{ subnet: '10.0.0.0/24' }] };
const endpoint = (patch: Partial<EditEndpoint>): EditEndpoint => ({
  container: 'web',
  containerId: 'c1',
  running: true,
  before: { ipv4: '10.0.0.5', ipv6: null, mac: '02:42:0a:00:00:05' },
  after: { ipv4: '10.0.0.5', ipv6: null, mac: '02:42:0a:00:00:05' },
  kept: [{ field: 'ipv4', how: 'asked for with --ip' }],
  aliases: ['api'],
  composeAliases: ['web', 'app-web-1'],
  links: ['db:database'],
  driverOpts: {},
  gwPriority: null,
  offline: { from: 0, to: 4 },
  ...patch,
});
const plan = (patch: Partial<NetworkEditPlan>): NetworkEditPlan => ({
  network: 'app',
  networkId: 'n1',
  basis: 'b1',
  before: spec,
  after: spec,
  changes: [{ field: 'options.com.docker.network.driver.mtu', from: null, to: '1400' }],
  endpoints: [endpoint({}), endpoint({ container: 'db', running: false, offline: null, aliases: [], composeAliases: [], links: [] })],
  steps: [],
  commands: [],
  connectivity: 'web is off the network from step 1 to step 5.',
  unkept: [],
  warnings: [],
  refusals: [],
  ...patch,
});

describe('endpointRows', () => {
  it('gives each endpoint its addresses, aliases (compose ones marked), links and offline steps, by name', () => {
    const rows = endpointRows(plan({}));
    expect(rows.map((r) => r.container)).toEqual(['db', 'web']);
    const web = rows[1];
    expect(web?.aliases).toEqual([
      { name: 'api', compose: false },
      { name: 'web', compose: true },
      { name: 'app-web-1', compose: true },
    ]);
    expect(web?.links).toEqual(['db:database']);
    expect(web?.offline).toBe('steps 1–5');
    expect(web?.ipv6).toBeNull();
    expect(rows[0]?.offline).toBeNull();
    expect(web && cellText(web.ipv4)).toBe('10.0.0.5');
  });

  it('shows a moved address as before → after, and one left to the engine as such', () => {
    const [row] = endpointRows(
      plan({ endpoints: [endpoint({ after: { ipv4: '10.1.0.5', ipv6: null, mac: null }, offline: { from: 2, to: 2 } })] }),
    );
    expect(row && cellText(row.ipv4)).toBe('10.0.0.5 → 10.1.0.5');
    expect(row && cellText(row.mac)).toBe('02:42:0a:00:00:05 → engine picks');
    expect(row?.offline).toBe('step 3');
  });

  it('shows a refused address as refused, not as left to the engine', () => {
    const [row] = endpointRows(
      plan({
        endpoints: [endpoint({ after: { ipv4: null, ipv6: null, mac: '02:42:0a:00:00:05' }, offline: null })],
        refusals: [{ container: 'web', field: 'ipv4', reason: "'web' has 10.0.0.5, outside the new subnet 10.1.0.0/24" }],
      }),
    );
    expect(row && cellText(row.ipv4)).toBe('10.0.0.5 → refused');
    expect(row?.ipv4.refused).toBe(true);
    expect(row && cellText(row.mac)).toBe('02:42:0a:00:00:05');
    expect(row?.running).toBe(true);
  });
});

describe('changes', () => {
  it('name each field in the user’s terms', () => {
    expect(changeLabel('options.com.docker.network.driver.mtu')).toBe('MTU');
    expect(changeLabel('options.com.example.x')).toBe('com.example.x');
    expect(changeLabel('labels.team')).toBe('label team');
    expect(changeLabel('subnets[0].subnet')).toBe('subnet');
    expect(changeLabel('subnets[1].gateway')).toBe('gateway (subnet 2)');
    expect(changeLabel('subnets[0].auxAddresses.router')).toBe('aux address.router');
    expect(changeLabel('internal')).toBe('internal');
  });
  it('say "not set" for a value the network does not have', () => {
    expect(changeRows(plan({}))).toEqual([{ label: 'MTU', field: 'options.com.docker.network.driver.mtu', from: 'not set', to: '1400' }]);
  });
});

describe('offersAddressChoice', () => {
  it('only when an address falls outside the new subnet, or the user chose to move them', () => {
    expect(offersAddressChoice(plan({}), 'refuse')).toBe(false);
    const outside = plan({ refusals: [{ container: 'web', field: 'ipv4', reason: '10.0.0.5 is outside 10.1.0.0/24' }] });
    expect(offersAddressChoice(outside, 'refuse')).toBe(true);
    expect(offersAddressChoice(plan({ refusals: [{ container: null, field: 'name', reason: 'name taken' }] }), 'refuse')).toBe(false);
    expect(offersAddressChoice(plan({ unkept: [{ container: 'web', what: 'address', resolution: 'mapped' }] }), 'map')).toBe(true);
    expect(offersAddressChoice(plan({}), 'map')).toBe(true);
  });
  it('not for an address refusal the choice cannot answer', () => {
    const noIpv6 = plan({
      refusals: [
        {
          container: 'web',
          field: 'ipv6',
          reason: "'web' has the IPv6 address fd00::5 on 'app', and the network is made again without IPv6",
        },
      ],
    });
    expect(offersAddressChoice(noIpv6, 'refuse')).toBe(false);
  });
});
