import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { NetworkCreateBody } from '@bridgeboard/contract';
import { fromEngine } from '@bridgeboard/topology';
import { hostTouching, readHostInterfaces } from './host-options.js';

const body = (options: NetworkCreateBody['options']): NetworkCreateBody => ({ name: 'n', options });
const HOST = new Set(['lo', 'eth0', 'docker0']);

describe('hostTouching', () => {
  it('names a macvlan/ipvlan parent, whatever the host holds', () => {
    expect(hostTouching({ ...body({ parent: 'eth0' }), driver: 'macvlan' }, HOST)).toMatch(
      /options.parent 'eth0' plugs the network into the host's own interface/,
    );
    expect(hostTouching({ ...body({ parent: 'eth9' }), driver: 'ipvlan' }, null)).toMatch(/options.parent 'eth9'/);
  });

  it('names a bridge name that is a host interface, or any bridge name when the host cannot be seen', () => {
    expect(hostTouching(body({ bridgeName: 'eth0' }), HOST)).toMatch(/options.bridgeName 'eth0' is an existing interface of the host/);
    expect(hostTouching(body({ bridgeName: 'br-fresh' }), HOST)).toBeNull();
    expect(hostTouching(body({ bridgeName: 'br-fresh' }), null)).toMatch(/cannot see the host's interfaces/);
  });

  it('lets everything else through', () => {
    expect(hostTouching(body({ mtu: 1400, icc: false }), HOST)).toBeNull();
    expect(hostTouching(body(undefined), null)).toBeNull();
  });
});

describe('readHostInterfaces', () => {
  const root = mkdtempSync(join(tmpdir(), 'bb-sys-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const sys = (name: string, interfaces: string[]) => {
    const dir = join(root, name);
    for (const i of interfaces) mkdirSync(join(dir, 'class', 'net', i), { recursive: true });
    return dir;
  };
  const t = fromEngine([{ Id: 'b', Name: 'bridge', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'docker0' } }], []);

  it('reads the host namespace: the default bridge interface is there', async () => {
    expect(await readHostInterfaces(t, true, sys('host', ['lo', 'eth0', 'docker0']))).toEqual(new Set(['lo', 'eth0', 'docker0']));
  });

  it('is null in a container of its own, for a remote engine, or without /sys', async () => {
    expect(await readHostInterfaces(t, true, sys('container', ['lo', 'eth0']))).toBeNull();
    expect(await readHostInterfaces(t, false, sys('remote', ['lo', 'docker0']))).toBeNull();
    expect(await readHostInterfaces(t, true, join(root, 'missing'))).toBeNull();
  });
});
