/**
 * An ssh:// engine against a real sshd: scripts/fleet.sh gives engine 1 an sshd of its own in its
 * network namespace, whose key-only sign-in runs `docker system dial-stdio` against engine 1's
 * socket. Over it the board equals engine 1 and follows it live; an admin tests and adds such an
 * engine with the key's text, and that key never comes back out; a key the far side does not
 * know is refused, saying so; the CLI tests one too.
 */
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, EngineSummary, EngineTestResponse } from '@bridgeboard/contract';
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
  const file = join(dir.path, 'engines.yaml');
  writeFileSync(
    file,
    ['engines:', '  - id: node1-ssh', `    host: ${host}`, `    ssh: { identityFile: ${ssh.identityFile} }`, ''].join('\n'),
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
      ]);
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
    const body = { id: 'ssh-api', host, ssh: { privateKey } };

    const test = await testOver(body);
    expect(test.json()).toMatchObject({ reachable: true, error: null });
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
    const stored = app.db.prepare<[], { secrets: string }>("SELECT secrets FROM engines WHERE id = 'ssh-api'").get();
    expect(stored?.secrets).toMatch(/^v1:/);
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
    const test = await testOver({ id: 'ssh-pass', host, ssh: { privateKey, passphrase } });
    expect(test.json()).toMatchObject({ reachable: true, error: null });
    const wrong = await testOver({ id: 'ssh-pass', host, ssh: { privateKey, passphrase: `${passphrase}-wrong` } });
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
    const refused = await testOver({ id: 'ssh-stranger', host, ssh: { privateKey } });
    const answer = refused.json<EngineTestResponse>();
    expect(answer).toMatchObject({ reachable: false, version: null });
    expect(answer.error).toMatch(/authentication methods failed/i);
    expect(refused.body).not.toContain(keyLineOf(privateKey));
    // And with no sshd where it points: a refused connection, not a hang.
    const nobody = await testOver({ id: 'ssh-nobody', host: `ssh://${ssh.user}@${ssh.host}:2`, ssh: { privateKey } });
    expect(nobody.json<EngineTestResponse>()).toMatchObject({ reachable: false });
    expect(nobody.json<EngineTestResponse>().error).toMatch(/ECONNREFUSED/);
  });

  it('`bridgeboard engines test` over ssh:// with --ssh-key: reachable; with a key the far side does not know: not', async () => {
    const env = { BRIDGEBOARD_URL: url, BRIDGEBOARD_TOKEN: adminToken(app), DATA_DIR: dir.path };
    const cli = (args: string[]) => run(['src/cli/main.ts', 'engines', 'test', 'ssh-cli', '--host', host, ...args], env);
    const tested = await cli(['--ssh-key', ssh.passphraseKey.identityFile, '--ssh-passphrase-file', ssh.passphraseKey.passphraseFile]);
    expect(tested).toMatchObject({ code: 0, stderr: '' });
    expect(tested.stdout).toMatch(/^reachable: Docker \S+ \(API \S+\), \d+ ms\n$/);
    const refused = await cli(['--ssh-key', join(dir.path, 'stranger_ed25519')]);
    expect(refused).toMatchObject({ code: 1, stdout: '' });
    expect(refused.stderr).toMatch(/^bridgeboard: not reachable: .*authentication methods failed/i);
    expect((await summaries()).map((e) => e.id)).not.toContain('ssh-cli');
  }, 60_000);
});
