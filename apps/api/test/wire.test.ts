import { readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WireResponse } from '@bridgeboard/contract';
import { wireOf } from '../src/services/wire.js';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('wire');

describe('the wire under the bridge', () => {
  let app: App;
  const wire = async (container: string) => {
    const res = await app.inject({ method: 'GET', url: `/api/engines/local/containers/${container}/wire`, headers: asAdmin(app) });
    expect(res.statusCode).toBe(200);
    return res.json<WireResponse>();
  };

  beforeAll(async () => {
    await cleanup('bbt-wire-');
    await docker('network', 'create', '-o', 'com.docker.network.driver.mtu=1400', `${ns}-net`);
    await runContainer(`${ns}-two`);
    await docker('network', 'connect', `${ns}-net`, `${ns}-two`);
    await runContainer(`${ns}-host`, '--network', 'host');
    await docker('create', '--name', `${ns}-stopped`, '--network', `${ns}-net`, 'bridgeboard/busybox:offline', 'true');
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('pairs each container interface with its host veth, that veth’s bridge and MTU, as the host sees them', async () => {
    const answer = await wire(`${ns}-two`);
    expect(answer.available).toBe(true);
    expect(answer.links.map((l) => l.network).sort()).toEqual(['bridge', `${ns}-net`].sort());
    const netId = await docker('network', 'inspect', '-f', '{{.Id}}', `${ns}-net`);
    for (const link of answer.links) {
      // The judge is the host's own /sys, read here independently of the app.
      expect(link.hostInterface).toMatch(/^veth/);
      const hostIndex = Number(await readFile(`/sys/class/net/${link.hostInterface ?? ''}/ifindex`, 'utf8'));
      expect(hostIndex).toBe(link.peerIfindex);
      const master = basename(await readlink(`/sys/class/net/${link.hostInterface ?? ''}/master`));
      expect(link.bridge).toBe(master);
      expect(link.bridge).toBe(link.network === 'bridge' ? 'docker0' : `br-${netId.slice(0, 12)}`);
    }
    const onNet = answer.links.find((l) => l.network === `${ns}-net`);
    expect(onNet?.mtu).toBe(1400);
    const mac = await docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${ns}-net").MacAddress}}`, `${ns}-two`);
    expect(onNet?.mac).toBe(mac);
  });

  it('says why instead of showing nothing: host mode, not running', async () => {
    const host = await wire(`${ns}-host`);
    expect(host).toMatchObject({ available: false, links: [] });
    expect(host.reason).toMatch(/host mode/);
    const stopped = await wire(`${ns}-stopped`);
    expect(stopped).toMatchObject({ available: false, links: [] });
    expect(stopped.reason).toMatch(/not running/);
  });

  it('says why when the engine is not on this host (tcp://, ssh://, another namespace)', async () => {
    // The same engine, seen as one that is not this host's local socket.
    const remote = Object.create(app.defaultEngine, { local: { value: false } }) as typeof app.defaultEngine;
    const answer = await wireOf(remote, `${ns}-two`);
    expect(answer).toMatchObject({ available: false, links: [] });
    expect(answer.reason).toMatch(/not this host's local socket/);
  });
});
