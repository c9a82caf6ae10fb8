/**
 * `bridgeboard engines` as a shell runs it (a child process, tsx on the source) against a running
 * server, which reaches real engines made by scripts/fleet.sh: engine 1 over tcp:// with TLS (from
 * certificate files, and from a Docker context the real docker CLI made) and over its socket (the
 * `default` context, as DOCKER_HOST names it); `edit` moves one of them to engine 2's socket.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineSummary, EnginesResponse, Snapshot } from '@bridgeboard/contract';
import { buildServer } from '../src/build.js';
import { loadConfig } from '../src/config.js';
import { listen, type App } from './helpers/app.js';
import { run, tempDir } from './helpers/child.js';
import { dockerOn } from './helpers/engine.js';

const exec = promisify(execFile);
const FLEET = fileURLToPath(new URL('../../../scripts/fleet.sh', import.meta.url));

interface FleetEngine {
  n: number;
  socketPath: string;
  tls?: { host: string; port: number; ca: string; cert: string; key: string };
}

describe('bridgeboard engines', () => {
  const data = tempDir('bb-cli-engines-');
  // The docker CLI's config of the user running `bridgeboard`: contexts are made here.
  const dockerConfig = tempDir('bb-cli-docker-config-');
  const suffix = randomBytes(3).toString('hex');
  const ids = { files: `bbt-tls-${suffix}`, context: `bbt-ctx-${suffix}`, socket: `bbt-sock-${suffix}` };
  const contextName = `bbtest-ctx-${suffix}`;
  let server: App;
  let admin: Record<string, string>;
  let viewer: Record<string, string>;
  let tls: NonNullable<FleetEngine['tls']>;
  let socketOne: string;
  let socketTwo: string;
  const cli = (args: string[], env: Record<string, string> = admin) =>
    run(['src/cli/main.ts', 'engines', ...args], { DATA_DIR: data.path, DOCKER_CONFIG: dockerConfig.path, ...env });
  const listed = async (): Promise<EngineSummary[]> => {
    const out = await cli(['list', '--json']);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    return (JSON.parse(out.stdout) as EnginesResponse).engines;
  };
  const tlsFlags = () => ['--host', `tcp://${tls.host}:${tls.port}`, '--tls-ca', tls.ca, '--tls-cert', tls.cert, '--tls-key', tls.key];

  beforeAll(async () => {
    await exec('bash', [FLEET, 'up', '2'], { timeout: 180_000 });
    const [one, two] = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
    if (!one?.tls) throw new Error('scripts/fleet.sh gave engine 1 no TLS listener');
    if (!two) throw new Error('scripts/fleet.sh up 2 listed no engine 2');
    tls = one.tls;
    socketOne = one.socketPath;
    socketTwo = two.socketPath;
    server = await buildServer(
      {
        config: loadConfig({
          LOG_LEVEL: 'error',
          DATABASE_PATH: join(data.path, 'bridgeboard.db'),
          BRIDGEBOARD_ADMIN_PASSWORD: 'admin-password-cli',
          BRIDGEBOARD_SECRET_KEY: 'a secret key for the cli engine tests, 32+ chars',
        }),
      },
      { logger: { level: 'error' } },
    );
    const url = await listen(server);
    admin = { BRIDGEBOARD_URL: url, BRIDGEBOARD_TOKEN: server.tokens.create('cli-admin', 'admin', 'tests').secret };
    viewer = { BRIDGEBOARD_URL: url, BRIDGEBOARD_TOKEN: server.tokens.create('cli-viewer', 'viewer', 'tests').secret };
  }, 240_000);

  afterAll(async () => {
    for (const id of Object.values(ids))
      if (server.fleet.has(id))
        await server.inject({
          method: 'DELETE',
          url: `/api/engines/${id}`,
          headers: { authorization: `Bearer ${admin.BRIDGEBOARD_TOKEN}` },
        });
    await server.close();
    data.remove();
    dockerConfig.remove();
  });

  it('list: the engines of the server, as GET /api/engines answers, and as a table', async () => {
    const engines = await listed();
    expect(engines.map((e) => [e.id, e.source, e.endpoint.address, e.status.reachable])).toEqual([
      ['local', 'environment', 'unix:///var/run/docker.sock', true],
    ]);
    const table = await cli(['list']);
    expect(table.code).toBe(0);
    const [header, local, ...rest] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+ADDRESS\s+TLS\s+SOURCE\s+STATE$/);
    expect(local).toMatch(/^local\s+local\s+unix:\/\/\/var\/run\/docker\.sock\s+no\s+environment\s+reachable \(Docker \S+\)$/);
    expect(rest).toEqual([]);
  }, 60_000);

  it('test and add a TLS engine from certificate files: it is listed, reachable; without the certificates it is not', async () => {
    const tested = await cli(['test', ids.files, ...tlsFlags()]);
    expect(tested).toMatchObject({ code: 0, stderr: '' });
    expect(tested.stdout).toMatch(/^reachable: Docker \S+ \(API \S+\), \d+ ms\n$/);
    const plain = await cli(['test', ids.files, '--host', `tcp://${tls.host}:${tls.port}`]);
    expect(plain).toMatchObject({ code: 1, stdout: '' });
    expect(plain.stderr).toMatch(/^bridgeboard: not reachable: /);

    const added = await cli(['add', ids.files, '--name', 'Engine one (TLS)', ...tlsFlags()]);
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toMatch(new RegExp(`^engine '${ids.files}' \\(tcp://${tls.host}:${tls.port}, TLS\\) added: reachable`));
    expect((await listed()).find((e) => e.id === ids.files)).toMatchObject({
      name: 'Engine one (TLS)',
      source: 'admin',
      endpoint: { kind: 'tcp', address: `tcp://${tls.host}:${tls.port}`, tls: true },
      status: { reachable: true },
    });
    const table = (await cli(['list'])).stdout;
    expect(table).toMatch(new RegExp(`^${ids.files}\\s+Engine one \\(TLS\\)\\s+tcp://\\S+\\s+yes\\s+admin\\s+reachable`, 'm'));
    // The server keeps the key; nothing prints it.
    expect(JSON.stringify([added, table, await listed()])).not.toContain('PRIVATE KEY');

    const again = await cli(['add', ids.files, ...tlsFlags()]);
    expect(again).toMatchObject({ code: 1, stdout: '' });
    expect(again.stderr).toBe(`bridgeboard: ${admin.BRIDGEBOARD_URL} answered 409: engine '${ids.files}' already exists\n`);
  }, 90_000);

  it('add --context: a Docker context `docker context create` made, TLS files and all; `default` is DOCKER_HOST', async () => {
    await exec(
      'docker',
      ['context', 'create', contextName, '--docker', `host=tcp://${tls.host}:${tls.port},ca=${tls.ca},cert=${tls.cert},key=${tls.key}`],
      {
        env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dockerConfig.path, DOCKER_CONFIG: dockerConfig.path },
      },
    );
    const contexts = await cli(['contexts']);
    expect(contexts).toMatchObject({ code: 0, stderr: '' });
    expect(contexts.stdout).toMatch(new RegExp(`^${contextName}\\s+tcp://${tls.host}:${tls.port}\\s+yes\\s*$`, 'm'));
    expect(contexts.stdout).toMatch(/^default\s+unix:\/\/\/var\/run\/docker\.sock\s+no\s+Current DOCKER_HOST based configuration$/m);

    const added = await cli(['add', ids.context, '--context', contextName]);
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toContain('TLS) added: reachable');
    expect((await listed()).find((e) => e.id === ids.context)).toMatchObject({
      name: contextName,
      endpoint: { kind: 'tcp', tls: true },
      status: { reachable: true },
    });

    const fromDefault = await cli(['add', ids.socket, '--context', 'default'], { ...admin, DOCKER_HOST: `unix://${socketOne}` });
    expect(fromDefault).toMatchObject({ code: 0, stdout: '' });
    expect((await listed()).find((e) => e.id === ids.socket)).toMatchObject({
      name: ids.socket,
      endpoint: { kind: 'socket', address: `unix://${socketOne}`, tls: false },
      status: { reachable: true },
    });
  }, 90_000);

  it('edit: only what the flags name changes; renamed and moved to another engine, it is listed so and reachable there', async () => {
    // --host alone: the name given at add stays (the server takes a name left out as none), and so do the TLS files.
    const moved = await cli(['edit', ids.files, '--host', `tcp://${tls.host}:${tls.port}`]);
    expect(moved).toMatchObject({ code: 0, stderr: '' });
    const [header, row, ...rest] = moved.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^ID\s+NAME\s+ADDRESS\s+TLS\s+SOURCE\s+STATE$/);
    expect(row).toMatch(new RegExp(`^${ids.files}\\s+Engine one \\(TLS\\)\\s+tcp://${tls.host}:${tls.port}\\s+yes\\s+admin\\s+reachable`));
    expect(rest).toEqual([]);
    // --name alone: the address and the TLS files stay.
    const renamed = await cli(['edit', ids.context, '--name', 'Context renamed']);
    expect(renamed).toMatchObject({ code: 0, stderr: '' });
    expect(renamed.stdout).toMatch(
      new RegExp(`^${ids.context}\\s+Context renamed\\s+tcp://${tls.host}:${tls.port}\\s+yes\\s+admin\\s+reachable`, 'm'),
    );

    // Renamed and pointed at engine 2's socket: the list says so, and what the server reads is engine 2.
    const edited = await cli(['edit', ids.socket, '--name', 'Engine two', '--host', `unix://${socketTwo}`]);
    expect(edited).toMatchObject({ code: 0, stderr: '' });
    expect(edited.stdout).toMatch(
      new RegExp(`^${ids.socket}\\s+Engine two\\s+unix://${socketTwo}\\s+no\\s+admin\\s+reachable \\(Docker \\S+\\)$`, 'm'),
    );
    expect((await listed()).find((e) => e.id === ids.socket)).toMatchObject({
      name: 'Engine two',
      source: 'admin',
      endpoint: { kind: 'socket', address: `unix://${socketTwo}`, tls: false },
      status: { reachable: true },
    });
    const read = await server.inject({
      method: 'GET',
      url: `/api/engines/${ids.socket}/topology`,
      headers: { authorization: `Bearer ${admin.BRIDGEBOARD_TOKEN}` },
    });
    expect(read.statusCode).toBe(200);
    const networkIds = (host: string) =>
      dockerOn(`unix://${host}`)('network', 'ls', '-q', '--no-trunc').then((out) => out.split('\n').sort());
    const shown = Object.keys(read.json<Snapshot>().topology.networks).sort();
    expect(shown).toEqual(await networkIds(socketTwo));
    expect(shown).not.toEqual(await networkIds(socketOne));
  }, 90_000);

  it('edit: an unknown engine and one of the environment are refused with the server’s reason; nothing to change is a usage error; nothing changes', async () => {
    // What an edit would change (the state and the rev move with the engines' own events).
    const declared = async () => (await listed()).map(({ id, name, source, endpoint }) => ({ id, name, source, endpoint }));
    const before = await declared();
    const unknown = await cli(['edit', `bbt-none-${suffix}`, '--name', 'x']);
    expect(unknown).toMatchObject({ code: 1, stdout: '' });
    expect(unknown.stderr).toBe(`bridgeboard: ${admin.BRIDGEBOARD_URL} answered 404: engine 'bbt-none-${suffix}' not found\n`);
    for (const change of [
      ['--name', 'x'],
      ['--host', `unix://${socketTwo}`],
    ]) {
      const local = await cli(['edit', 'local', ...change]);
      expect(local).toMatchObject({ code: 1, stdout: '' });
      expect(local.stderr).toBe(
        `bridgeboard: ${admin.BRIDGEBOARD_URL} answered 409: engine 'local' comes from the server's environment (DOCKER_HOST): change or remove it there\n`,
      );
    }
    const nothing = await cli(['edit', ids.files]);
    expect(nothing).toMatchObject({ code: 1, stdout: '' });
    expect(nothing.stderr).toMatch(
      /^bridgeboard: engines edit: nothing to change: give one or more of --name, --host, --context, .*--ssh-known-hosts\n$/,
    );
    const viewing = await cli(['edit', ids.files, '--name', 'x'], viewer);
    expect(viewing).toMatchObject({ code: 1, stdout: '' });
    expect(viewing.stderr).toMatch(/answered 403: /);
    expect(await declared()).toEqual(before);
  }, 90_000);

  it('remove: gone from the list; an unknown engine and one of the environment are refused with the server’s reason', async () => {
    for (const id of Object.values(ids)) {
      const removed = await cli(['remove', id]);
      expect(removed).toMatchObject({ code: 0, stdout: '', stderr: `engine '${id}' removed\n` });
    }
    expect((await listed()).map((e) => e.id)).toEqual(['local']);
    const gone = await cli(['remove', ids.files]);
    expect(gone).toMatchObject({ code: 1, stdout: '' });
    expect(gone.stderr).toMatch(new RegExp(`answered 404: .*'${ids.files}'`));
    const local = await cli(['remove', 'local']);
    expect(local.code).toBe(1);
    expect(local.stderr).toMatch(
      /answered 409: engine 'local' comes from the server's environment \(DOCKER_HOST\): change or remove it there/,
    );
  }, 90_000);

  it('refuses, naming the flag or the reason, and adds nothing', async () => {
    const refusals: [string[], Record<string, string>, RegExp][] = [
      [['add', ids.files, ...tlsFlags()], { BRIDGEBOARD_URL: admin.BRIDGEBOARD_URL ?? '' }, /BRIDGEBOARD_TOKEN/],
      [['list'], { BRIDGEBOARD_TOKEN: admin.BRIDGEBOARD_TOKEN ?? '' }, /--url or set BRIDGEBOARD_URL/],
      [['add', ids.files, ...tlsFlags()], viewer, /answered 403: /],
      [['list'], { ...admin, BRIDGEBOARD_TOKEN: 'bbt_wrong' }, /answered 401: invalid or revoked API token/],
      [
        ['add', ids.context, '--context', `bbtest-none-${suffix}`],
        admin,
        /--context: no Docker context 'bbtest-none-\w+' in .*bb-cli-docker-config-.*\/contexts/,
      ],
      [['add', ids.files, ...tlsFlags().slice(0, -2)], admin, /--tls-ca, --tls-cert and --tls-key go together: --tls-key missing/],
      [
        [
          'add',
          ids.files,
          '--host',
          `tcp://${tls.host}:${tls.port}`,
          '--tls-ca',
          tls.ca,
          '--tls-cert',
          tls.cert,
          '--tls-key',
          '/nonexistent/key.pem',
        ],
        admin,
        /--tls-key: cannot read \/nonexistent\/key\.pem: ENOENT/,
      ],
      [
        ['add', ids.files, '--host', 'http://10.250.0.2:2375'],
        admin,
        /--host: 'http:\/\/10\.250\.0\.2:2375' is not unix:\/\/\/path, tcp:\/\/host:port or ssh:\/\/user@host/,
      ],
      [['add', ids.files], admin, /give --host <host> or --context <name>/],
      [['add', 'Not_An_Id', '--host', 'unix:///run/x.sock'], admin, /'Not_An_Id' is not an engine id/],
      // The server's own refusal, passed through.
      [
        ['add', ids.files, '--host', `unix://${socketOne}`, '--tls-ca', tls.ca, '--tls-cert', tls.cert, '--tls-key', tls.key],
        admin,
        /answered 400: tls: certificates are for tcp:\/\/ engines, not unix:\/\//,
      ],
    ];
    for (const [args, env, message] of refusals) {
      const out = await cli(args, env);
      expect({ args, code: out.code, stdout: out.stdout }).toEqual({ args, code: 1, stdout: '' });
      expect(out.stderr).toMatch(message);
    }
    // A secret is never an argument: there is no flag to give one.
    const inline = await cli(['add', ids.files, '--host', 'ssh://ops@10.250.0.2', '--ssh-passphrase', 'hunter2']);
    expect(inline.code).toBe(1);
    expect(inline.stderr).toMatch(/unknown option '--ssh-passphrase'/);

    // An ssh:// context keeps no key: it says so, and asks for one.
    await exec('docker', ['context', 'create', `${contextName}-ssh`, '--docker', 'host=ssh://ops@10.250.0.2'], {
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: dockerConfig.path, DOCKER_CONFIG: dockerConfig.path },
    });
    const ssh = await cli(['add', ids.context, '--context', `${contextName}-ssh`]);
    expect(ssh).toMatchObject({ code: 1, stdout: '' });
    expect(ssh.stderr).toMatch(/over ssh, .*Docker keeps no key with it: give the key with --ssh-key <file>/);
    // With a key, the host key still has to come from somewhere: ~/.ssh/known_hosts (HOME has none here), else a flag.
    const unknownHost = await cli(['add', ids.context, '--context', `${contextName}-ssh`, '--ssh-key', tls.key], {
      ...admin,
      HOME: dockerConfig.path,
    });
    expect(unknownHost).toMatchObject({ code: 1, stdout: '' });
    expect(unknownHost.stderr).toMatch(
      /over ssh, and your ~\/\.ssh\/known_hosts has no key for it: give the host key with --ssh-known-hosts <file>/,
    );

    expect((await listed()).map((e) => e.id)).toEqual(['local']);
  }, 180_000);
});
