/**
 * An ssh:// engine against a real sshd: scripts/fleet.sh gives engine 1 an sshd of its own in its
 * network namespace, whose key-only sign-in runs `docker system dial-stdio` against engine 1's
 * socket. Over it the board equals engine 1 and follows it live; an admin tests and adds such an
 * engine with the key's text, and that key never comes back out; a key the far side does not
 * know is refused, saying so; the CLI tests one too. The engine's host key is pinned (the engines
 * file's knownHostsFile, the admin's ssh.hostKey): another key is refused before any Docker call,
 * naming both fingerprints; a test without one answers the key the engine showed.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditPage, EngineSummary, EngineTestResponse } from '@bridgeboard/contract';
import { testEngine as cliTestEngine } from '../src/cli/engines.js';
import { loadConfig } from '../src/config.js';
import { findContainer, findNetwork, type Topology } from '@bridgeboard/topology';
import { adminToken, asAdmin, listen, nextEvent, socketClient, startApp, type App, type ClientSocket } from './helpers/app.js';
import { run, tempDir } from './helpers/child.js';
import { expectEventuallyEqual } from './helpers/compare.js';
import { dockerOn, namespace, TEST_IMAGE } from './helpers/engine.js';

const exec = promisify(execFile);
const FLEET = fileURLToPath(new URL('../../../scripts/fleet.sh', import.meta.url));
const fleet = (...args: string[]) => exec('bash', [FLEET, ...args], { timeout: 240_000 });

interface FleetSsh {
  host: string;
  port: number;
  user: string;
  identityFile: string;
  passphraseKey: { identityFile: string; passphraseFile: string };
  knownHosts: string;
  /** A folder whose `ssh` runs the system's ssh with the fleet's ssh config: first on PATH for the docker CLI. */
  path: string;
}
interface FleetEngine {
  n: number;
  socketPath: string;
  ssh?: FleetSsh;
}

const ns = namespace('ssh');
const SECRET_KEY = 'a secret key for the fleet ssh tests, 32+ chars';
const dir = tempDir('bb-fleet-ssh-test-');
const logs: string[] = [];
const sockets: ClientSocket[] = [];
let ssh: FleetSsh;
let host: string;
/** The fleet sshd's host key, as its known_hosts pins it (`ssh-ed25519 AAAA…`), and what `ssh-keygen -lf` says of it. */
let hostKey: string;
let fingerprint: string;
/** Another ed25519 key, as a man in the middle would show: made here, never the sshd's. */
let otherHostKey: string;
let onOne: ReturnType<typeof dockerOn>;
let app: App;
let url: string;

/** A long base64 line of a private key: what would show if the key leaked anywhere. */
const keyLineOf = (pem: string) => pem.split('\n').find((l) => l.length > 40 && !l.startsWith('-----')) ?? '';
const summaries = async (): Promise<EngineSummary[]> =>
  (await app.inject({ url: '/api/engines', headers: asAdmin(app) })).json<{ engines: EngineSummary[] }>().engines;
const testOver = (payload: object) => app.inject({ method: 'POST', url: '/api/engines/test', headers: asAdmin(app), payload });

beforeAll(async () => {
  await fleet('up', '2');
  await fleet('ssh');
  const [one] = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  if (!one?.ssh) throw new Error('scripts/fleet.sh ssh gave engine 1 no ssh access');
  ssh = one.ssh;
  host = `ssh://${ssh.user}@${ssh.host}`;
  onOne = dockerOn(`unix://${one.socketPath}`);
  hostKey = readFileSync(ssh.knownHosts, 'utf8').trim().split(/\s+/).slice(1, 3).join(' ');
  fingerprint = (await exec('ssh-keygen', ['-lf', ssh.knownHosts])).stdout.split(/\s+/)[1] ?? '';
  expect(fingerprint).toMatch(/^SHA256:/);
  await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'not the engine', '-f', join(dir.path, 'other_host_key')]);
  otherHostKey = readFileSync(join(dir.path, 'other_host_key.pub'), 'utf8').trim();
  // A known_hosts naming another port for this address, with the other key: the line for port 22 must be picked.
  writeFileSync(join(dir.path, 'known_hosts'), `[${ssh.host}]:2222 ${otherHostKey}\n${readFileSync(ssh.knownHosts, 'utf8')}`);
  writeFileSync(join(dir.path, 'wrong_known_hosts'), `${ssh.host} ${otherHostKey}\n`);
  const file = join(dir.path, 'engines.yaml');
  const sshOf = (knownHosts: string) => `    ssh: { identityFile: ${ssh.identityFile}, knownHostsFile: ${knownHosts} }`;
  writeFileSync(
    file,
    [
      'engines:',
      '  - id: node1-ssh',
      `    host: ${host}`,
      sshOf(join(dir.path, 'known_hosts')),
      '  - id: node1-ssh-mitm',
      `    host: ${host}`,
      sshOf('wrong_known_hosts'),
      '',
    ].join('\n'),
  );
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      logs.push(chunk.toString('utf8'));
      done();
    },
  });
  // The watcher's own defaults, and one ssh engine watched: docker-modem opens a new ssh connection
  // (handshake and a far-side `docker system dial-stdio`) for every engine call, 0.4-1 s each on a
  // busy machine, so fleet.test.ts's 2 s watchdog, or a second watcher's calls, make pings miss.
  app = await startApp({}, { LOG_LEVEL: 'info', ENGINES_FILE: file, BRIDGEBOARD_SECRET_KEY: SECRET_KEY }, { level: 'info', stream });
  url = await listen(app);
}, 300_000);

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  const ids = (await onOne('ps', '-aq', '--filter', `name=^${ns}`).catch(() => '')).split('\n').filter(Boolean);
  if (ids.length) await onOne('rm', '-f', ...ids).catch(() => '');
  const nets = (await onOne('network', 'ls', '-q', '--filter', `name=^${ns}`).catch(() => '')).split('\n').filter(Boolean);
  if (nets.length) await onOne('network', 'rm', ...nets).catch(() => '');
  await app.close();
  dir.remove();
}, 120_000);

describe('an ssh:// engine from the engines file', () => {
  it('is reachable with its identity file; the docker CLI over the same sshd reaches engine 1 too', async () => {
    await expect
      .poll(async () => (await summaries()).map((e) => [e.id, e.endpoint.kind, e.endpoint.address, e.status.reachable]), {
        timeout: 30_000,
      })
      .toEqual([
        ['local', 'socket', 'unix:///var/run/docker.sock', true],
        ['node1-ssh', 'ssh', host, true],
        ['node1-ssh-mitm', 'ssh', host, false],
      ]);
    expect((await summaries()).find((e) => e.id === 'node1-ssh')?.endpoint.hostKey).toBe(fingerprint);
    // The far side's docker answers for engine 1 (bb-node-1), not for the host engine behind the same filesystem.
    const { stdout } = await exec('docker', ['-H', host, 'info', '-f', '{{.Name}}'], {
      env: { PATH: `${ssh.path}:/usr/local/bin:/usr/bin:/bin`, HOME: dir.path },
    });
    expect(stdout.trim()).toBe('bb-node-1');
  });

  it("its topology equals engine 1's docker network inspect", async () => {
    await onOne('network', 'create', '--subnet', '10.241.91.0/24', `${ns}-net`);
    await onOne('run', '-d', '--name', `${ns}-c1`, '--network', `${ns}-net`, '--network-alias', 'svc', TEST_IMAGE, 'sleep', '300');
    await expectEventuallyEqual(() => app.fleet.get('node1-ssh').store.current, 20_000, onOne);
    expect(findContainer(app.fleet.get('node1-ssh').store.current, `${ns}-c1`)).toBeDefined();
    // Not the host engine's board under another name.
    expect(findNetwork(app.fleet.get('local').store.current, `${ns}-net`)).toBeUndefined();
  }, 40_000);

  it('a change made on engine 1 by the CLI arrives as a patch of the ssh engine', async () => {
    const socket = socketClient(url, { token: adminToken(app) }, ['node1-ssh']);
    sockets.push(socket);
    await nextEvent(socket, 'snapshot', (s) => s.engine === 'node1-ssh');
    const made = nextEvent(socket, 'patch', (p) => p.engine === 'node1-ssh' && JSON.stringify(p).includes(`${ns}-late`));
    await onOne('network', 'create', '--subnet', '10.241.92.0/24', `${ns}-late`);
    const [patch] = await made;
    expect(patch.engine).toBe('node1-ssh');
    expect(findNetwork(app.fleet.get('node1-ssh').store.current, `${ns}-late`)).toBeDefined();
  });
});

describe('ssh:// engines an admin adds', () => {
  it('tests, adds and removes one with the key’s text; the key is never shown, logged, audited or stored in the clear', async () => {
    const privateKey = readFileSync(ssh.identityFile, 'utf8');
    const keyLine = keyLineOf(privateKey);
    expect(keyLine.length).toBeGreaterThan(40);
    const body = { id: 'ssh-api', host, ssh: { privateKey, hostKey } };

    // Without the host key it is not added: no trust on first use.
    const unpinned = await app.inject({
      method: 'POST',
      url: '/api/engines',
      headers: asAdmin(app),
      payload: { ...body, ssh: { privateKey } },
    });
    expect(unpinned.statusCode).toBe(400);
    expect(unpinned.json<{ message: string }>().message).toMatch(/^ssh\.hostKey: pin the engine's host key/);
    const test = await testOver(body);
    expect(test.json()).toMatchObject({ reachable: true, error: null, hostKey: { key: hostKey, fingerprint } });
    const added = await app.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(app), payload: body });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ id: 'ssh-api', source: 'admin', endpoint: { kind: 'ssh', address: host } });
    // The answer waits 3 s for the first sync; a swarm manager's relist is a dozen calls, each its
    // own ssh connection, so the state may still say "not yet": it turns reachable by itself.
    await expect.poll(async () => (await summaries()).find((e) => e.id === 'ssh-api')?.status.reachable, { timeout: 20_000 }).toBe(true);
    await expectEventuallyEqual(() => app.fleet.get('ssh-api').store.current, 15_000, onOne);
    const topology = await app.inject({ url: '/api/engines/ssh-api/topology', headers: asAdmin(app) });
    expect(findContainer(topology.json<{ topology: Topology }>().topology, `${ns}-c1`)).toBeDefined();

    // Every column of every table, while the engine is stored: the key only inside the sealed secrets.
    const stored = app.db
      .prepare<[], { secrets: string; ssh_host_key: string }>("SELECT secrets, ssh_host_key FROM engines WHERE id = 'ssh-api'")
      .get();
    expect(stored?.secrets).toMatch(/^v1:/);
    // The host key is public: kept in the clear, like the host.
    expect(stored?.ssh_host_key).toBe(hostKey);
    const tables = app.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'").all();
    const database = tables.map(({ name }) => JSON.stringify(app.db.prepare(`SELECT * FROM "${name}"`).all())).join('\n');
    expect(database).toContain('ssh-api');

    const removed = await app.inject({ method: 'DELETE', url: '/api/engines/ssh-api', headers: asAdmin(app) });
    expect(removed.statusCode).toBe(204);
    expect((await summaries()).map((e) => e.id)).not.toContain('ssh-api');

    const everything = [
      database,
      test.body,
      added.body,
      topology.body,
      (await app.inject({ url: '/api/audit?limit=500', headers: asAdmin(app) })).body,
      logs.join(''),
    ];
    for (const text of everything) {
      expect(text).not.toContain(keyLine);
      expect(text).not.toContain('PRIVATE KEY');
    }
    const trail = (await app.inject({ url: '/api/audit?action=engine.add', headers: asAdmin(app) })).json<AuditPage>();
    expect(trail.entries.map((e) => [e.result, e.statusCode, e.params])).toContainEqual(['ok', 201, { id: 'ssh-api', host }]);
  }, 90_000);

  it('a key with a passphrase: reachable with it, and the passphrase never comes back out either', async () => {
    const privateKey = readFileSync(ssh.passphraseKey.identityFile, 'utf8');
    const passphrase = readFileSync(ssh.passphraseKey.passphraseFile, 'utf8').trim();
    const test = await testOver({ id: 'ssh-pass', host, ssh: { privateKey, passphrase, hostKey } });
    expect(test.json()).toMatchObject({ reachable: true, error: null });
    const wrong = await testOver({ id: 'ssh-pass', host, ssh: { privateKey, passphrase: `${passphrase}-wrong`, hostKey } });
    expect(wrong.json<EngineTestResponse>()).toMatchObject({ reachable: false });
    expect(wrong.json<EngineTestResponse>().error).toMatch(/passphrase|decrypt|private key/i);
    for (const text of [test.body, wrong.body, logs.join('')]) {
      expect(text).not.toContain(passphrase);
      expect(text).not.toContain(keyLineOf(privateKey));
    }
  });

  it('a key the far side does not know is refused, naming the sign-in as the problem, and the key is not shown', async () => {
    const stranger = join(dir.path, 'stranger_ed25519');
    await exec('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'not authorized', '-f', stranger]);
    const privateKey = readFileSync(stranger, 'utf8');
    const refused = await testOver({ id: 'ssh-stranger', host, ssh: { privateKey, hostKey } });
    const answer = refused.json<EngineTestResponse>();
    expect(answer).toMatchObject({ reachable: false, version: null });
    expect(answer.error).toMatch(/authentication methods failed/i);
    expect(refused.body).not.toContain(keyLineOf(privateKey));
    // And with no sshd where it points: a refused connection, not a hang.
    const nobody = await testOver({ id: 'ssh-nobody', host: `ssh://${ssh.user}@${ssh.host}:2`, ssh: { privateKey, hostKey } });
    expect(nobody.json<EngineTestResponse>()).toMatchObject({ reachable: false, hostKey: null });
    expect(nobody.json<EngineTestResponse>().error).toMatch(/ECONNREFUSED/);
  });

  it('`bridgeboard engines test` over ssh://: without a host key it prints the one seen and the line to pin; with it, reachable', async () => {
    const env = { BRIDGEBOARD_URL: url, BRIDGEBOARD_TOKEN: adminToken(app), DATA_DIR: dir.path };
    const cli = (args: string[]) => run(['src/cli/main.ts', 'engines', 'test', 'ssh-cli', '--host', host, ...args], env);
    const unpinned = await cli(['--ssh-key', ssh.passphraseKey.identityFile, '--ssh-passphrase-file', ssh.passphraseKey.passphraseFile]);
    expect(unpinned).toMatchObject({ code: 1, stdout: `host key: ${fingerprint} (ssh-ed25519)\nto pin it: --ssh-host-key '${hostKey}'\n` });
    expect(unpinned.stderr).toMatch(
      new RegExp(
        `^bridgeboard: not reachable: ssh: no host key is pinned for ${ssh.host}; it showed ${fingerprint.replace(/[+/]/g, '\\$&')}`,
      ),
    );

    // --ssh-host-key and --ssh-known-hosts, as commander hands them to the command (flags object), in this process.
    const config = loadConfig(env);
    const out: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      const flags = { host, sshKey: ssh.passphraseKey.identityFile, sshPassphraseFile: ssh.passphraseKey.passphraseFile };
      await cliTestEngine(config, 'ssh-cli', { ...flags, sshKnownHosts: join(dir.path, 'known_hosts') });
      await cliTestEngine(config, 'ssh-cli', { ...flags, sshHostKey: `${ssh.host} ${hostKey} a comment` });
      await expect(cliTestEngine(config, 'ssh-cli', { ...flags, sshHostKey: otherHostKey })).rejects.toThrow(
        `not reachable: ssh: the host key of ${ssh.host} is ${fingerprint}, not the pinned `,
      );
      await expect(cliTestEngine(config, 'ssh-cli', { ...flags, sshHostKey: 'SHA256:abc' })).rejects.toThrow(
        /^--ssh-host-key: not an SSH public key/,
      );
      await expect(
        cliTestEngine(config, 'ssh-cli', { host, sshKey: join(dir.path, 'stranger_ed25519'), sshHostKey: hostKey }),
      ).rejects.toThrow(/^not reachable: .*authentication methods failed/i);
    } finally {
      write.mockRestore();
    }
    const seen = `host key: ${fingerprint} (ssh-ed25519)`;
    const said = out
      .join('')
      .split('\n')
      .map((l) => l.replace(/^reachable: Docker \S+ \(API \S+\), \d+ ms$/, 'reachable'));
    // Known hosts, a host key line: reachable; another key, and the unknown client key: the key seen, then the refusal.
    expect(said).toEqual([seen, 'reachable', seen, 'reachable', seen, seen, '']);
    expect((await summaries()).map((e) => e.id)).not.toContain('ssh-cli');
  }, 60_000);
});

describe('the host key of an ssh:// engine is pinned', () => {
  const LOG = '/var/log/bridgeboard-fleet-ssh.log';
  /** The sshd's log lines written since `from` (its size then) that signed in with the passphrase key, which only these tests use. */
  const signInsSince = async (from: number) => {
    const fp = (await exec('ssh-keygen', ['-lf', `${ssh.passphraseKey.identityFile}.pub`])).stdout.split(/\s+/)[1] ?? '';
    expect(fp).toMatch(/^SHA256:/);
    return readFileSync(LOG)
      .subarray(from)
      .toString('utf8')
      .split('\n')
      .filter((l) => l.startsWith('Accepted publickey') && l.includes(fp));
  };
  const passphraseKey = () => ({
    privateKey: readFileSync(ssh.passphraseKey.identityFile, 'utf8'),
    passphrase: readFileSync(ssh.passphraseKey.passphraseFile, 'utf8').trim(),
  });

  it('another key than the pinned one: refused before signing in (no Docker call reaches the engine), naming both fingerprints', async () => {
    const otherFp = (await exec('ssh-keygen', ['-lf', join(dir.path, 'other_host_key.pub')])).stdout.split(/\s+/)[1] ?? '';
    let from = readFileSync(LOG).length;
    const refused = await testOver({ id: 'ssh-mitm', host, ssh: { ...passphraseKey(), hostKey: otherHostKey } });
    expect(refused.json<EngineTestResponse>()).toEqual({
      reachable: false,
      version: null,
      apiVersion: null,
      error: `ssh: the host key of ${ssh.host} is ${fingerprint}, not the pinned ${otherFp}`,
      ms: expect.any(Number) as number,
      hostKey: { key: hostKey, fingerprint },
    });
    // sshd logs each sign-in (LogLevel VERBOSE) before it runs `docker system dial-stdio`: none came.
    await new Promise((r) => setTimeout(r, 500));
    expect(await signInsSince(from)).toEqual([]);
    // The same watch sees a sign-in when the pinned key is the engine's: it can tell.
    from = readFileSync(LOG).length;
    expect((await testOver({ id: 'ssh-mitm', host, ssh: { ...passphraseKey(), hostKey } })).json()).toMatchObject({ reachable: true });
    await expect.poll(async () => (await signInsSince(from)).length, { timeout: 5_000 }).toBeGreaterThan(0);
  });

  it('an engine of the engines file whose known_hosts has another key: unreachable, its log saying why', async () => {
    expect((await summaries()).find((e) => e.id === 'node1-ssh-mitm')?.status.reachable).toBe(false);
    const otherFp = (await exec('ssh-keygen', ['-lf', join(dir.path, 'other_host_key.pub')])).stdout.split(/\s+/)[1] ?? '';
    expect(app.fleet.get('node1-ssh-mitm').store.current.networks).toEqual({});
    await expect
      .poll(
        () =>
          logs.filter(
            (l) =>
              l.includes('"engine":"node1-ssh-mitm"') &&
              l.includes(`ssh: the host key of ${ssh.host} is ${fingerprint}, not the pinned ${otherFp}`),
          ).length,
        {
          timeout: 15_000,
        },
      )
      .toBeGreaterThan(0);
  });

  it('a test without a host key signs in to nothing and answers the key seen: the fingerprint ssh-keygen -lf gives', async () => {
    const from = readFileSync(LOG).length;
    const answer = (await testOver({ id: 'ssh-unpinned', host, ssh: passphraseKey() })).json<EngineTestResponse>();
    expect(answer).toMatchObject({ reachable: false, version: null, hostKey: { key: hostKey, fingerprint } });
    expect(answer.error).toMatch(`ssh: no host key is pinned for ${ssh.host}; it showed ${fingerprint} (ssh-ed25519)`);
    await new Promise((r) => setTimeout(r, 500));
    expect(await signInsSince(from)).toEqual([]);
  });

  it('an edit keeps the pinned key, or takes a new one; another host must pin its own', async () => {
    const body = { id: 'ssh-edit', host, ssh: { ...passphraseKey(), hostKey } };
    expect((await app.inject({ method: 'POST', url: '/api/engines', headers: asAdmin(app), payload: body })).statusCode).toBe(201);
    const put = (payload: object) => app.inject({ method: 'PUT', url: '/api/engines/ssh-edit', headers: asAdmin(app), payload });
    try {
      const renamed = await put({ name: 'Edited', host });
      expect(renamed.json()).toMatchObject({ name: 'Edited', endpoint: { hostKey: fingerprint } });
      const repinned = await put({ host, ssh: { hostKey: otherHostKey } });
      expect(repinned.statusCode).toBe(200);
      // No name in the edit: the name stays.
      expect(repinned.json<EngineSummary>().name).toBe('Edited');
      expect(repinned.json<EngineSummary>().endpoint.hostKey).not.toBe(fingerprint);
      expect(app.engineRegistry.get('ssh-edit')?.ssh).toMatchObject({ hostKey: otherHostKey, passphrase: passphraseKey().passphrase });
      const moved = await put({ host: `ssh://${ssh.user}@${ssh.host}:2222` });
      expect(moved.statusCode).toBe(400);
      expect(moved.json<{ message: string }>().message).toMatch(/^ssh\.hostKey: pin the engine's host key/);
    } finally {
      await app.inject({ method: 'DELETE', url: '/api/engines/ssh-edit', headers: asAdmin(app) });
    }
  }, 60_000);
});
