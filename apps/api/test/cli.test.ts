import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry, Snapshot } from '@bridgeboard/contract';
import { buildServer } from '../src/build.js';
import { loadConfig } from '../src/config.js';
import { listen, type App } from './helpers/app.js';
import { run, tempDir } from './helpers/child.js';
import { docker } from './helpers/engine.js';

/**
 * `bridgeboard` as a shell runs it (a child process, tsx on the source), against the database of a
 * server that is running at the same time, as it would be in production.
 */
describe('bridgeboard CLI', () => {
  const data = tempDir('bridgeboard-cli-');
  const env = { DATA_DIR: data.path };
  const cli = (args: string[], input?: string, extra: Record<string, string> = {}) =>
    run(['src/cli/main.ts', ...args], { ...env, ...extra }, input);
  let server: App;
  let url: string;

  beforeAll(async () => {
    server = await buildServer(
      {
        config: loadConfig({
          LOG_LEVEL: 'error',
          DATABASE_PATH: join(data.path, 'bridgeboard.db'),
          BRIDGEBOARD_ADMIN_PASSWORD: 'admin-password-cli',
        }),
      },
      { logger: { level: 'error' } },
    );
    url = await listen(server);
  });
  afterAll(async () => {
    await server.close();
    data.remove();
  });

  it('users add: the password comes from stdin, and the new user signs in to the running server', async () => {
    const added = await cli(['users', 'add', 'alice', '--role', 'operator', '--password-stdin'], 'alice-password-123\n');
    expect(added).toMatchObject({ code: 0, stdout: '' });
    expect(added.stderr).toContain("user 'alice' (operator) created");

    const login = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'alice-password-123' },
    });
    expect(login.statusCode).toBe(200);
    expect(login.json()).toMatchObject({ user: { username: 'alice', role: 'operator' } });
    // The trailing newline of `echo` is not part of the password.
    const withNewline = await server.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'alice', password: 'alice-password-123\n' },
    });
    expect(withNewline.statusCode).toBe(401);
  });

  it('users add refuses a password on the command line, a missing terminal, a bad role, a taken name', async () => {
    const flag = await cli(['users', 'add', 'bob', '--role', 'viewer', '--password', 'bob-password-123']);
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/unknown option '--password'/);
    const noTty = await cli(['users', 'add', 'bob', '--role', 'viewer']);
    expect(noTty).toMatchObject({ code: 1 });
    expect(noTty.stderr).toContain('--password-stdin');
    const role = await cli(['users', 'add', 'bob', '--role', 'boss', '--password-stdin'], 'bob-password-123');
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/Allowed choices are viewer, operator, admin/);
    const short = await cli(['users', 'add', 'bob', '--role', 'viewer', '--password-stdin'], 'short');
    expect(short).toMatchObject({ code: 1 });
    expect(short.stderr).toContain('10 to 256 characters');
    const taken = await cli(['users', 'add', 'alice', '--role', 'viewer', '--password-stdin'], 'another-password-1');
    expect(taken).toMatchObject({ code: 1, stderr: "bridgeboard: user 'alice' already exists\n" });
    expect(server.users.find('bob')).toBeNull();
  });

  it('users list shows the accounts, never a hash', async () => {
    const listed = await cli(['users', 'list', '--json']);
    expect(listed.code).toBe(0);
    const users = JSON.parse(listed.stdout) as { username: string; role: string }[];
    expect(users.map((u) => [u.username, u.role])).toEqual([
      ['admin', 'admin'],
      ['alice', 'operator'],
    ]);
    expect(listed.stdout).not.toContain('argon2');
    const table = await cli(['users', 'list']);
    expect(table.stdout.split('\n')[0]).toMatch(/^NAME\s+ROLE\s+CREATED\s+LAST SIGN-IN$/);
  });

  it('token create prints only the secret, which works as Bearer with the role it was given; both are in the audit trail', async () => {
    const created = await cli(['token', 'create', 'ci job', '--role', 'viewer']);
    expect(created.code).toBe(0);
    const secret = created.stdout.trim();
    expect(secret).toMatch(/^bbt_[A-Za-z0-9_-]+$/);
    expect(created.stdout).toBe(`${secret}\n`);
    const bearer = { authorization: `Bearer ${secret}` };
    expect((await server.inject({ url: '/api/engines/local/topology', headers: bearer })).statusCode).toBe(200);
    const refused = await server.inject({
      method: 'POST',
      url: '/api/engines/local/networks',
      headers: bearer,
      payload: { name: 'bbt-cli-never' },
    });
    expect(refused.statusCode).toBe(403);

    const audit = server.auditLog.query({}) as { entries: AuditEntry[] };
    const byCli = audit.entries.filter((e) => e.client === 'cli');
    expect(byCli.map((e) => [e.action, e.params])).toEqual(
      expect.arrayContaining([
        ['user.create', { username: 'alice', role: 'operator' }],
        ['token.create', { name: 'ci job', role: 'viewer' }],
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(secret);
  });

  it('topology --json reads the engine: the networks `docker network ls` lists', async () => {
    const printed = await cli(['topology', '--json']);
    expect(printed.code).toBe(0);
    const snapshot = JSON.parse(printed.stdout) as Snapshot;
    const names = Object.values(snapshot.topology.networks)
      .map((n) => n.name)
      .sort();
    expect(names).toEqual((await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').sort());
  });

  // The README's way, from the repository's root. `--no-install`: were the local bin missing, npx
  // must fail here rather than fetch whatever package of that name the registry might hold.
  const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
  const npxTopology = async (path: string) => {
    const printed = await run(['npx', '--no-install', 'bridgeboard', 'topology', '--json'], { ...env, PATH: path }, undefined, {
      command: true,
      cwd: ROOT,
    });
    expect(printed.stderr).toBe('');
    expect(printed.code).toBe(0);
    const names = Object.values((JSON.parse(printed.stdout) as Snapshot).topology.networks).map((n) => n.name);
    expect(names.sort()).toEqual((await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').sort());
  };

  it('npx bridgeboard topology works from the repository root', async () => {
    await npxTopology(`${join(process.execPath, '..')}:/usr/local/bin:/usr/bin:/bin`);
  });

  // Machines like CI's keep an older Node as /usr/bin/node: the command hands over to the project's.
  const systemNode = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim();
  const olderShellNode =
    existsSync('/usr/bin/npx') && Number(systemNode.split('.')[0]) < 22 && existsSync(join(ROOT, '.tools/node/bin/node'));
  it.runIf(olderShellNode)(`npx bridgeboard topology works from a shell whose Node is older (${systemNode})`, async () => {
    await npxTopology('/usr/bin:/bin');
  });

  it('topology --json --url asks a running server with BRIDGEBOARD_TOKEN, and says so when the token is wrong', async () => {
    const token = server.tokens.create('cli-test', 'viewer', 'tests').secret;
    const printed = await cli(['topology', '--json', '--url', url], undefined, { BRIDGEBOARD_TOKEN: token });
    expect(printed.code).toBe(0);
    const snapshot = JSON.parse(printed.stdout) as Snapshot;
    expect(snapshot.rev).toBeGreaterThan(0);
    const names = Object.values(snapshot.topology.networks)
      .map((n) => n.name)
      .sort();
    expect(names).toEqual((await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').sort());

    const wrong = await cli(['topology', '--json'], undefined, { BRIDGEBOARD_URL: url, BRIDGEBOARD_TOKEN: 'bbt_wrong' });
    expect(wrong).toMatchObject({ code: 1, stdout: '' });
    expect(wrong.stderr).toContain('answered 401: invalid or revoked API token');
  });

  it('refuses a bad setting with a message naming it', async () => {
    const bad = await cli(['users', 'list'], undefined, { LOG_LEVEL: 'loud' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bridgeboard: Invalid configuration: .*LOG_LEVEL/);
  });
});
