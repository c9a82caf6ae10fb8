import { describe, expect, it } from 'vitest';
import type { EngineEndpointSettings, NetworkEditInput, NetworkSpec, Topology } from '../src/index.js';
import { createCommand, editStepCommand, findNetwork, fromEngine, planNetworkEdit, specOfNetwork } from '../src/index.js';
import { loadFixture } from './fixtures.js';

/** The plan on the recorded engine (API 1.41): steps, commands, windows, and the spec round trip. */

const fx = loadFixture('1.41');
const t = fromEngine(fx.networksList, fx.containersInspect);

/** Each container's settings on `network`, as its recorded inspect gives them. */
function recordedSettings(network: string): Record<string, EngineEndpointSettings> {
  return Object.fromEntries(
    fx.containersInspect.flatMap((c) => {
      const s = c.NetworkSettings?.Networks?.[network];
      return s ? [[c.Id, s]] : [];
    }),
  );
}

function specOf(topology: Topology, name: string): NetworkSpec {
  const n = findNetwork(topology, name);
  if (!n) throw new Error(`no ${name} in the fixture`);
  return specOfNetwork(n);
}

const input = (network: string, change: (s: NetworkSpec) => NetworkSpec, over: Partial<NetworkEditInput> = {}): NetworkEditInput => ({
  network,
  target: change(specOf(t, network)),
  settings: recordedSettings(network),
  addresses: 'refuse',
  apiVersion: fx.apiVersion,
  ...over,
});

const withOptions = (options: Record<string, string>) => (s: NetworkSpec) => ({ ...s, options: { ...s.options, ...options } });

describe('specOfNetwork', () => {
  it('gives back the command the recorded network was made with (record.sh), every flag of it', () => {
    const command = createCommand(specOf(t, 'fx-mtu'));
    expect(command).toBe(
      'docker network create --driver bridge --subnet 10.78.0.0/24 --gateway 10.78.0.254 --ip-range 10.78.0.128/25 ' +
        '--aux-address reserved=10.78.0.10 -o com.docker.network.bridge.enable_icc=false -o com.docker.network.bridge.name=br-fxmtu ' +
        '-o com.docker.network.driver.mtu=1400 --label bridgeboard.fixture=1 --label team=ops fx-mtu',
    );
    // The flags record.sh passed, each one there (the subnet's gateway and range pair with it in order).
    const recorded = [
      '--subnet 10.78.0.0/24',
      '--gateway 10.78.0.254',
      '--ip-range 10.78.0.128/25',
      '--aux-address reserved=10.78.0.10',
      '-o com.docker.network.driver.mtu=1400',
      '-o com.docker.network.bridge.name=br-fxmtu',
      '-o com.docker.network.bridge.enable_icc=false',
      '--label team=ops',
      '--label bridgeboard.fixture=1',
    ];
    for (const flag of recorded) expect(command).toContain(flag);
  });
  it('carries IPv6, internal, and a subnet whose gateway the engine chose (left out, so it chooses again)', () => {
    expect(specOf(t, 'fx-v6')).toEqual({
      name: 'fx-v6',
      driver: 'bridge',
      subnets: [
        { subnet: '10.80.0.0/24', gateway: null, ipRange: null, auxAddresses: {} },
        { subnet: 'fd00:80::/64', gateway: null, ipRange: null, auxAddresses: {} },
      ],
      internal: false,
      ipv6: true,
      attachable: false,
      options: { 'com.docker.network.bridge.enable_ip_masquerade': 'false' },
      labels: { 'bridgeboard.fixture': '1' },
    });
    expect(createCommand(specOf(t, 'fx-internal'))).toBe(
      'docker network create --driver bridge --subnet 10.79.0.0/24 --internal --label bridgeboard.fixture=1 fx-internal',
    );
  });
});

describe('planNetworkEdit on the recorded engine', () => {
  it("changes appnet's MTU: every endpoint off, the network re-made, every endpoint back at its address, first off first back", () => {
    const plan = planNetworkEdit(t, input('appnet', withOptions({ 'com.docker.network.driver.mtu': '1400' }), { addresses: 'refuse' }));
    expect(plan.refusals).toEqual([]);
    expect(plan.changes).toEqual([{ field: 'options.com.docker.network.driver.mtu', from: null, to: '1400' }]);
    expect(plan.commands).toEqual([
      'docker network disconnect appnet db',
      'docker network disconnect appnet web',
      'docker network rm appnet',
      'docker network create --driver bridge --subnet 10.77.0.0/24 --gateway 10.77.0.1 -o com.docker.network.driver.mtu=1400 --label bridgeboard.demo=article appnet',
      'docker network connect --ip 10.77.0.2 appnet db',
      'docker network connect --ip 10.77.0.3 appnet web',
    ]);
    expect(plan.steps.map((s) => s.kind)).toEqual(['disconnect', 'disconnect', 'remove-network', 'create-network', 'connect', 'connect']);
    expect(plan.steps[3]).toEqual({ kind: 'create-network', spec: plan.after });
    expect(plan.endpoints.map((e) => [e.container, e.offline])).toEqual([
      ['db', { from: 0, to: 4 }],
      ['web', { from: 1, to: 5 }],
    ]);
    // API 1.41 cannot set a MAC on connect: the engine derives it from the address, which stays.
    expect(plan.endpoints[0]).toMatchObject({
      before: { ipv4: '10.77.0.2', ipv6: null, mac: '02:42:0a:4d:00:02' },
      after: { ipv4: '10.77.0.2', ipv6: null, mac: '02:42:0a:4d:00:02' },
      aliases: [],
      composeAliases: [],
      kept: [
        { field: 'ipv4', how: 'asked for with --ip: fixed from then on, as `docker network connect --ip` makes it' },
        { field: 'mac', how: 'derived from the address by the engine, as before' },
      ],
    });
    expect(plan.connectivity).toBe(
      "2 running containers lose 'appnet' from their disconnect (steps 1–2) until their reconnect (steps 5–6): each is off for 4 steps.",
    );
    expect(plan.warnings).toEqual([
      "'web-sidecar' shares the network stack of 'web' (container: mode): it loses 'appnet' with it from step 2 to step 6.",
      "'db', 'web' keep their addresses by asking for them with --ip: the engine had chosen them, and from now on they are fixed (IPAMConfig), as `docker network connect --ip` makes them.",
    ]);
    expect(plan.unkept).toEqual([]);
    expect(plan.commands).toEqual(plan.steps.map(editStepCommand));
  });
  it('turns ICC on for fx-mtu: fx-multi comes back with its fixed address and its alias, the network with its range, aux address and bridge name', () => {
    const plan = planNetworkEdit(t, input('fx-mtu', withOptions({ 'com.docker.network.bridge.enable_icc': 'true' })));
    expect(plan.refusals).toEqual([]);
    expect(plan.changes).toEqual([{ field: 'options.com.docker.network.bridge.enable_icc', from: 'false', to: 'true' }]);
    expect(plan.commands).toEqual([
      'docker network disconnect fx-mtu fx-multi',
      'docker network rm fx-mtu',
      'docker network create --driver bridge --subnet 10.78.0.0/24 --gateway 10.78.0.254 --ip-range 10.78.0.128/25 ' +
        '--aux-address reserved=10.78.0.10 -o com.docker.network.bridge.enable_icc=true -o com.docker.network.bridge.name=br-fxmtu ' +
        '-o com.docker.network.driver.mtu=1400 --label bridgeboard.fixture=1 --label team=ops fx-mtu',
      // The short id the 1.41 engine lists among the aliases is its own: not asked for.
      'docker network connect --alias api --ip 10.78.0.200 fx-mtu fx-multi',
    ]);
    expect(plan.endpoints[0]?.kept).toContainEqual({ field: 'ipv4', how: 'fixed with --ip, asked for again' });
    expect(plan.endpoints[0]?.aliases).toEqual(['api']);
    expect(plan.connectivity).toBe(
      "1 running container loses 'fx-mtu' from its disconnect (step 1) until its reconnect (step 4): it is off for 3 steps.",
    );
  });
  it('keeps an IPv6 address with --ip6, and refuses to turn IPv6 off under it', () => {
    const plan = planNetworkEdit(t, input('fx-v6', withOptions({ 'com.docker.network.driver.mtu': '1400' })));
    expect(plan.commands.at(-1)).toBe('docker network connect --ip 10.80.0.2 --ip6 fd00:80::2 fx-v6 fx-v6c');
    const off = planNetworkEdit(
      t,
      input('fx-v6', (s) => ({ ...s, ipv6: false, subnets: s.subnets.slice(0, 1) })),
    );
    expect(off.refusals).toEqual([
      {
        container: 'fx-v6c',
        field: 'ipv6',
        reason:
          "'fx-v6c' has the IPv6 address fd00:80::2 on 'fx-v6', and the network is made again without IPv6: turn IPv6 on, or disconnect 'fx-v6c' first",
      },
    ]);
    expect(off.unkept).toEqual([
      { container: 'fx-v6c', what: 'IPv6 address fd00:80::2 (the network is made again without IPv6)', resolution: 'refused' },
    ]);
    expect(off).toMatchObject({ steps: [], commands: [] });
  });
  it('reconnects a stopped container last, without an address of its own, and says it loses nothing', () => {
    const plan = planNetworkEdit(
      t,
      input('fx-internal', (s) => ({ ...s, internal: false })),
    );
    expect(plan.refusals).toEqual([]);
    expect(plan.changes).toEqual([{ field: 'internal', from: 'true', to: 'false' }]);
    expect(plan.commands).toEqual([
      'docker network disconnect fx-internal fx-multi',
      'docker network disconnect fx-internal fx-stopped',
      'docker network rm fx-internal',
      'docker network create --driver bridge --subnet 10.79.0.0/24 --label bridgeboard.fixture=1 fx-internal',
      'docker network connect --alias api-internal --ip 10.79.0.2 fx-internal fx-multi',
      'docker network connect fx-internal fx-stopped',
    ]);
    expect(plan.endpoints[1]).toMatchObject({
      container: 'fx-stopped',
      running: false,
      before: { ipv4: null, ipv6: null, mac: null },
      after: { ipv4: null, ipv6: null, mac: null },
      offline: null,
    });
    expect(plan.connectivity).toBe(
      "1 running container loses 'fx-internal' from its disconnect (step 1) until its reconnect (step 5): it is off for 4 steps; 1 stopped container is reconnected without traffic.",
    );
  });
  it("refuses the engine's own networks, with where the default bridge's settings live", () => {
    const bridge = planNetworkEdit(t, input('bridge', withOptions({ 'com.docker.network.driver.mtu': '1400' })));
    expect(bridge.refusals).toEqual([
      {
        container: null,
        field: null,
        reason:
          "'bridge' is one of Docker's own networks: Docker's own networks cannot be removed, so they cannot be re-made; the default bridge's settings live in the daemon's configuration (bip, mtu in daemon.json)",
      },
    ]);
    expect(bridge).toMatchObject({ steps: [], commands: [], endpoints: [] });
    expect(
      planNetworkEdit(
        t,
        input('host', (s) => ({ ...s, internal: true })),
      ).refusals[0]?.reason,
    ).toBe("'host' is one of Docker's own networks: Docker's own networks cannot be removed, so they cannot be re-made");
  });
  it('refuses a plan that changes nothing, and an unknown network', () => {
    const same = planNetworkEdit(
      t,
      input('appnet', (s) => s),
    );
    expect(same.refusals).toEqual([{ container: null, field: null, reason: "Nothing to change: 'appnet' is already as asked" }]);
    expect(same).toMatchObject({ steps: [], commands: [], changes: [] });
    const unknown = planNetworkEdit(t, { ...input('appnet', (s) => s), network: 'nope' });
    expect(unknown).toMatchObject({ networkId: '', basis: '', steps: [], refusals: [{ reason: "No network named 'nope'" }] });
  });
  it('refuses renaming appnet: web and db were started with --network appnet and would not start again', () => {
    const plan = planNetworkEdit(
      t,
      input('appnet', (s) => ({ ...s, name: 'shop' })),
    );
    expect(plan.changes).toEqual([{ field: 'name', from: 'appnet', to: 'shop' }]);
    expect(plan.refusals).toEqual([
      {
        container: 'db',
        field: 'name',
        reason: "'db' was started with --network appnet: after a rename to 'shop' it would not start again",
      },
      {
        container: 'web',
        field: 'name',
        reason: "'web' was started with --network appnet: after a rename to 'shop' it would not start again",
      },
    ]);
    expect(plan).toMatchObject({ steps: [], commands: [] });
  });
});
