/**
 * `bridgeboard networks edit` as a shell runs it (a child process on the source) against a running
 * server and the real engine: the plan alone changes nothing; --apply re-makes the network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findNetwork } from '@bridgeboard/topology';
import { listen, startApp, type App } from './helpers/app.js';
import { run, tempDir } from './helpers/child.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('cliedit');
const net = `${ns}-net`;
const ctr = `${ns}-web`;

describe('bridgeboard networks edit', () => {
  const data = tempDir('bb-cli-edit-');
  let app: App;
  let env: Record<string, string>;
  const bridgeboard = (...args: string[]) => run(['src/cli/main.ts', 'networks', 'edit', ...args], { DATA_DIR: data.path, ...env });
  const mtu = async () => (await docker('network', 'inspect', '-f', '{{index .Options "com.docker.network.driver.mtu"}}', net)).trim();

  beforeAll(async () => {
    app = await startApp();
    env = { BRIDGEBOARD_URL: await listen(app), BRIDGEBOARD_TOKEN: app.tokens.create(`${ns}-op`, 'operator', 'tests').secret };
    const octet = 100 + Math.floor(Math.random() * 100);
    await docker('network', 'create', '--subnet', `10.${octet}.79.0/24`, net);
    await runContainer(ctr, '--dns', '127.0.0.1', '--network', net, '--network-alias', 'www');
    await app.defaultEngine.watcher.refresh({ kind: 'container', id: await docker('inspect', '-f', '{{.Id}}', ctr) });
    expect(findNetwork(app.defaultEngine.store.current, net)).toBeDefined();
  }, 60_000);

  afterAll(async () => {
    await app.close();
    await cleanup(ns);
    data.remove();
  });

  it('prints the plan as docker commands and changes nothing without --apply', async () => {
    const out = await bridgeboard(net, '--mtu', '1400');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain('options.com.docker.network.driver.mtu: (none) → 1400');
    expect(out.stdout).toContain(`docker network disconnect ${net} ${ctr}`);
    expect(out.stdout).toMatch(new RegExp(`docker network connect --alias www --ip \\S+ ${net} ${ctr}`));
    expect(out.stderr).toContain('--apply');
    expect(await mtu()).toBe('');
  });

  it('--apply re-makes the network with the new MTU and keeps the endpoint; a refused plan exits 1 and changes nothing', async () => {
    const ip = await docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${net}").IPAddress}}`, ctr);
    const out = await bridgeboard(net, '--mtu', '1400', '--apply');
    expect(out.code, out.stderr).toBe(0);
    expect(out.stdout).toContain(`kept: '${net}' is re-made as planned`);
    expect(await mtu()).toBe('1400');
    expect(await docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${net}").IPAddress}}`, ctr)).toBe(ip);
    const refused = await bridgeboard(net, '--subnet', '10.1.2.0/24', '--apply');
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(`refused: ${ctr}: `);
    expect(refused.stderr).toContain('nothing was changed');
    expect(await mtu()).toBe('1400');
  });
});
