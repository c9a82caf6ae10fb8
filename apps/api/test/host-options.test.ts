import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from './helpers/app.js';
import { cleanup, docker, inspectNetwork, namespace } from './helpers/engine.js';

/**
 * Options that act on the host itself — a macvlan/ipvlan parent, a bridge name that is already a
 * host interface — are an admin's, even though creating a network is an operator's: the operator
 * is refused with the reason and the engine is unchanged; an admin may. The parent here is one end
 * of a veth pair made for the test (the other end goes nowhere), so nothing can leave the machine.
 */
describe('networks that touch the host', () => {
  const ns = namespace('hostopt');
  const dummy = `bbd${ns.slice(-6)}`; // interface names are at most 15 characters
  const peer = `bbp${ns.slice(-6)}`;
  let app: App | undefined;
  let operator: Record<string, string>;
  let admin: Record<string, string>;

  beforeAll(async () => {
    execFileSync('ip', ['link', 'add', dummy, 'type', 'veth', 'peer', 'name', peer]);
    const started = await startApp();
    app = started;
    operator = { authorization: `Bearer ${started.tokens.create(`${ns}-op`, 'operator', 'tests').secret}` };
    admin = { authorization: `Bearer ${started.tokens.create(`${ns}-admin`, 'admin', 'tests').secret}` };
  });
  afterAll(async () => {
    await app?.close();
    await cleanup(ns);
    execFileSync('ip', ['link', 'del', dummy]);
  });

  const create = (headers: Record<string, string>, payload: object) => {
    if (!app) throw new Error('the app did not start');
    return app.inject({ method: 'POST', url: '/api/engines/local/networks', headers, payload });
  };
  const networkNames = async () => (await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').sort();

  it('refuses an operator a macvlan or ipvlan parent, saying why, and leaves the engine alone', async () => {
    const before = await networkNames();
    for (const driver of ['macvlan', 'ipvlan']) {
      const res = await create(operator, { name: `${ns}-${driver}`, driver, options: { parent: dummy } });
      expect(res.statusCode).toBe(403);
      expect(res.json<{ message: string }>().message).toBe(
        `options.parent '${dummy}' plugs the network into the host's own interface: only an admin may create such a network`,
      );
    }
    expect(await networkNames()).toEqual(before);
  });

  it('refuses an operator a bridge name that is a host interface, and lets a fresh one through', async () => {
    const taken = await create(operator, { name: `${ns}-taken`, options: { bridgeName: dummy } });
    expect(taken.statusCode).toBe(403);
    expect(taken.json<{ message: string }>().message).toContain(`options.bridgeName '${dummy}' is an existing interface of the host`);
    expect(await networkNames()).not.toContain(`${ns}-taken`);

    const fresh = await create(operator, { name: `${ns}-fresh`, options: { bridgeName: `bbf${ns.slice(-6)}` } });
    expect(fresh.statusCode).toBe(201);
    expect((await inspectNetwork(`${ns}-fresh`)).Options['com.docker.network.bridge.name']).toBe(`bbf${ns.slice(-6)}`);
  });

  it('lets an admin plug a network into a host interface', async () => {
    const res = await create(admin, { name: `${ns}-admin-macvlan`, driver: 'macvlan', options: { parent: dummy } });
    expect(res.statusCode).toBe(201);
    const made = await inspectNetwork(`${ns}-admin-macvlan`);
    expect(made).toMatchObject({ Driver: 'macvlan', Options: { parent: dummy } });
  });
});
