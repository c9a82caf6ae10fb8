import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportResponse, ExposureResponse, MigrationPlanBody, MigrationProgress, MigrationResult } from '@bridgeboard/contract';
import { applyMigration } from '../src/services/migration.js';
import { adminToken, asAdmin, listen, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { cleanup, docker, inspectNetwork, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('exposure');
// --dns 127.0.0.1: a name the engine's DNS does not know is never asked of a resolver off this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];

/** What `name` resolves to through the network's own DNS (127.0.0.11), bypassing /etc/hosts. */
async function dnsAnswer(from: string, name: string): Promise<string | null> {
  const out = await docker('exec', from, 'nslookup', name, '127.0.0.11').catch(() => '');
  return /Name:\s+\S+\s+Address(?: 1)?:\s+(\S+)/.exec(out)?.[1] ?? null;
}

async function networksOf(container: string): Promise<string[]> {
  const out = await docker('inspect', '-f', '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}', container);
  return out.split(' ').filter(Boolean).sort();
}

describe('exposure, export and the migration off the default bridge', () => {
  let app: App;
  let url: string;
  const sockets: ClientSocket[] = [];
  const post = (path: string, payload: unknown) =>
    app.inject({ method: 'POST', url: path, headers: asAdmin(app), payload: payload as object });

  beforeAll(async () => {
    await cleanup('bbt-exposure-');
    await runContainer(`${ns}-db`, ...LOCAL_DNS);
    await runContainer(`${ns}-web`, ...LOCAL_DNS, '--link', `${ns}-db:database`, '-p', '127.0.0.1::8080');
    await runContainer(`${ns}-solo`, ...LOCAL_DNS);
    app = await startApp();
    url = await listen(app);
  });
  afterAll(async () => {
    sockets.forEach((s) => s.disconnect());
    await app.close();
    await cleanup(ns);
  });

  it('lists published ports with their host address, and lints the default bridge and --link', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/engines/local/exposure', headers: asAdmin(app) });
    expect(res.statusCode).toBe(200);
    const body = res.json<ExposureResponse>();
    const port = await docker('port', `${ns}-web`, '8080/tcp');
    expect(body.ports.filter((p) => p.container === `${ns}-web`)).toEqual([
      expect.objectContaining({
        containerPort: 8080,
        protocol: 'tcp',
        hostIp: '127.0.0.1',
        hostPort: Number(port.split(':').at(-1)),
        everyone: false,
      }),
    ]);
    const link = body.lints.find((l) => l.code === 'legacy-link' && l.containers.includes(`${ns}-web`));
    expect(link?.fix).toEqual({ kind: 'migrate', containers: expect.arrayContaining([`${ns}-db`, `${ns}-web`]) as string[] });
    expect(body.lints.some((l) => l.code === 'default-bridge' && l.containers.includes(`${ns}-solo`))).toBe(true);
  });

  it('plans the migration of a linked pair: a free subnet, link names kept as aliases, the exact commands', async () => {
    const res = await post('/api/engines/local/migrations/plan', {
      containers: [`${ns}-web`],
      includeLinked: true,
      networkName: `${ns}-net`,
    });
    expect(res.statusCode).toBe(200);
    const plan = res.json<MigrationPlanBody>();
    expect(plan.refusals).toEqual([]);
    expect(plan.containers.sort()).toEqual([`${ns}-db`, `${ns}-web`]);
    expect(plan.steps).toContainEqual({ kind: 'connect', network: `${ns}-net`, container: `${ns}-db`, aliases: ['database'] });
    expect(plan.commands[0]).toMatch(new RegExp(`^docker network create .*--subnet ${plan.network?.subnet ?? '?'}`));
  });

  it('refuses a plan for a container that is not on the default bridge, naming it', async () => {
    await docker('network', 'create', `${ns}-other`);
    await docker('network', 'disconnect', 'bridge', `${ns}-solo`);
    await docker('network', 'connect', `${ns}-other`, `${ns}-solo`);
    await expect
      .poll(
        async () => (await post('/api/engines/local/migrations/plan', { containers: [`${ns}-solo`] })).json<MigrationPlanBody>().refusals,
      )
      .toEqual([{ container: `${ns}-solo`, reason: `'${ns}-solo' is not on the default bridge` }]);
    const apply = await post('/api/engines/local/migrations', { containers: [`${ns}-solo`] });
    expect(apply.statusCode).toBe(400);
    expect(apply.json<{ message: string }>().message).toContain(`'${ns}-solo' is not on the default bridge`);
  });

  it('undoes every step when one fails midway, and the engine is as before', async () => {
    const before = { db: await networksOf(`${ns}-db`), web: await networksOf(`${ns}-web`) };
    const body = { containers: [`${ns}-web`, `${ns}-db`], networkName: `${ns}-failed`, disconnectFromDefault: true };
    // Step 0 creates the network, 1 and 2 connect; the failure comes at the third connect-or-disconnect.
    await expect(applyMigration(app.defaultEngine, body, 'tests', () => undefined, { failAtStep: 3 })).rejects.toThrow(
      /step 4 of 5 .* failed: failure forced by the test; undid the 3 step/,
    );
    expect(await docker('network', 'ls', '-q', '--filter', `name=^${ns}-failed$`)).toBe('');
    expect(await networksOf(`${ns}-db`)).toEqual(before.db);
    expect(await networksOf(`${ns}-web`)).toEqual(before.web);
  });

  it('migrates the linked pair through the API, step by step, and the link name resolves on the new network', async () => {
    const socket = socketClient(url, { token: adminToken(app) });
    sockets.push(socket);
    const progress: MigrationProgress[] = [];
    socket.on('migration', (p) => progress.push(p));
    await new Promise((resolve) => socket.once('snapshot', resolve));

    const res = await post('/api/engines/local/migrations', { containers: [`${ns}-db`], includeLinked: true, networkName: `${ns}-net` });
    expect(res.statusCode).toBe(201);
    const result = res.json<MigrationResult>();
    expect(result.done).toBe(3);
    const net = await inspectNetwork(`${ns}-net`);
    expect(
      Object.values(net.Containers)
        .map((c) => c.Name)
        .sort(),
    ).toEqual([`${ns}-db`, `${ns}-web`]);
    // The engine's DNS on the new network answers the old link name with db's address there.
    const dbOnNet = await docker('inspect', '-f', `{{(index .NetworkSettings.Networks "${ns}-net").IPAddress}}`, `${ns}-db`);
    expect(await dnsAnswer(`${ns}-web`, 'database')).toBe(dbOnNet);
    expect(await dnsAnswer(`${ns}-web`, `${ns}-db`)).toBe(dbOnNet);
    await docker('exec', `${ns}-web`, 'ping', '-c', '1', '-W', '1', dbOnNet);
    // Every board heard each step run and finish.
    await expect.poll(() => progress.filter((p) => p.id === result.id && p.status === 'done').map((p) => p.index)).toEqual([0, 1, 2]);

    const audit = await app.inject({ method: 'GET', url: '/api/audit?action=migration.apply&result=ok', headers: asAdmin(app) });
    expect(audit.json<{ entries: { network: string }[] }>().entries[0]?.network).toBe(`${ns}-net`);
  });

  it('exports the new network as the commands and the compose section that rebuild it', async () => {
    const commands = (
      await app.inject({ method: 'GET', url: `/api/engines/local/export?networks=${ns}-net`, headers: asAdmin(app) })
    ).json<ExportResponse>();
    expect(commands.text).toContain(`docker network create`);
    expect(commands.text).toContain(`docker network connect --alias database ${ns}-net ${ns}-db`);
    const compose = (
      await app.inject({ method: 'GET', url: `/api/engines/local/export?format=compose&networks=${ns}-net`, headers: asAdmin(app) })
    ).json<ExportResponse>();
    expect(compose.text).toMatch(new RegExp(`networks:\\n\\s+${ns}-net:`));
  });

  it('refuses to export a name that is not on the board with 400 and the name', async () => {
    for (const [query, message] of [
      [`networks=bridge&networks=${ns}-nothing`, `No network named '${ns}-nothing'`],
      [`format=compose&containers=${ns}-nothing`, `No container named '${ns}-nothing'`],
    ]) {
      const res = await app.inject({ method: 'GET', url: `/api/engines/local/export?${query}`, headers: asAdmin(app) });
      expect(res.json(), query).toEqual({ statusCode: 400, error: 'Bad Request', message });
    }
  });
});
