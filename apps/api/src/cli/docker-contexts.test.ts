import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextDirName, endpointOf, listDockerContexts, readDockerContext, userKnownHostKey } from './docker-contexts.js';

/**
 * The reader against a context store the real docker CLI wrote: `docker context create` into a
 * temporary DOCKER_CONFIG (it only writes files; no engine is asked). It checks the certificates it
 * is given, so they are real: a self-signed one from openssl, as CA and client certificate both.
 */
describe('Docker contexts', () => {
  const config = mkdtempSync(join(tmpdir(), 'bb-docker-config-'));
  const files = mkdtempSync(join(tmpdir(), 'bb-context-files-'));
  const suffix = randomBytes(3).toString('hex');
  const names = {
    tls: `bbtest-tls-${suffix}`,
    plain: `bbtest.plain+${suffix}`,
    ssh: `bbtest-ssh-${suffix}`,
    caOnly: `bbtest-ca-${suffix}`,
    skip: `bbtest-skip-${suffix}`,
    socket: `bbtest-sock-${suffix}`,
  };
  const create = (name: string, docker: string, description?: string) =>
    execFileSync('docker', ['context', 'create', name, '--docker', docker, ...(description ? ['--description', description] : [])], {
      env: { PATH: '/usr/local/bin:/usr/bin:/bin', HOME: files, DOCKER_CONFIG: config },
      stdio: 'pipe',
    });
  const tlsFiles = { ca: join(files, 'ca.pem'), cert: join(files, 'cert.pem'), key: join(files, 'key.pem') };

  beforeAll(() => {
    // A CA, and a client certificate it signed.
    const openssl = (...args: string[]) =>
      execFileSync(
        'openssl',
        ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', ...args],
        {
          stdio: 'ignore',
          env: { PATH: '/usr/bin:/bin' },
          cwd: files,
        },
      );
    openssl('-subj', '/CN=bbtest-ca', '-keyout', 'ca-key.pem', '-out', 'ca.pem');
    openssl('-subj', '/CN=bbtest-client', '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-keyout', 'key.pem', '-out', 'cert.pem');
    create(names.tls, `host=tcp://10.250.0.2:2376,ca=${tlsFiles.ca},cert=${tlsFiles.cert},key=${tlsFiles.key}`, 'engine one');
    create(names.plain, 'host=tcp://127.0.0.1:2375');
    create(names.ssh, 'host=ssh://ops@example.invalid');
    create(names.caOnly, `host=tcp://10.250.0.2:2376,ca=${tlsFiles.ca}`);
    create(names.skip, 'host=tcp://10.250.0.2:2376,skip-tls-verify=true');
    // A socket context may carry TLS files; the docker CLI ignores them for a socket.
    create(names.socket, `host=unix:///run/x.sock,ca=${tlsFiles.ca},cert=${tlsFiles.cert},key=${tlsFiles.key}`);
  });
  afterAll(() => {
    rmSync(config, { recursive: true, force: true });
    rmSync(files, { recursive: true, force: true });
  });

  it('finds a context where the docker CLI put it: the sha256 of its name', () => {
    const dirs = readdirSync(join(config, 'contexts', 'meta')).sort();
    expect(dirs).toEqual(Object.values(names).map(contextDirName).sort());
    expect(readdirSync(join(config, 'contexts', 'tls', contextDirName(names.tls), 'docker')).sort()).toEqual([
      'ca.pem',
      'cert.pem',
      'key.pem',
    ]);
  });

  it('lists every context, default first, with its host, description and TLS', () => {
    const listed = listDockerContexts(config, undefined).map((c) => [
      c.name,
      c.host,
      c.description,
      Object.keys(c.tls).sort(),
      c.skipTlsVerify,
    ]);
    expect(listed).toEqual([
      ['default', 'unix:///var/run/docker.sock', 'Current DOCKER_HOST based configuration', [], false],
      ...[
        [names.caOnly, 'tcp://10.250.0.2:2376', '', ['ca.pem'], false],
        [names.plain, 'tcp://127.0.0.1:2375', '', [], false],
        [names.skip, 'tcp://10.250.0.2:2376', '', [], true],
        [names.socket, 'unix:///run/x.sock', '', ['ca.pem', 'cert.pem', 'key.pem'], false],
        [names.ssh, 'ssh://ops@example.invalid', '', [], false],
        [names.tls, 'tcp://10.250.0.2:2376', 'engine one', ['ca.pem', 'cert.pem', 'key.pem'], false],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    ]);
    // `default` is DOCKER_HOST when it is set; an empty store holds only `default`.
    expect(listDockerContexts(files, 'tcp://10.9.9.9:2375').map((c) => [c.name, c.host])).toEqual([['default', 'tcp://10.9.9.9:2375']]);
  });

  it('reads a TLS context into the host and the very files it was given', () => {
    expect(endpointOf(readDockerContext(config, names.tls, undefined))).toEqual({
      host: 'tcp://10.250.0.2:2376',
      tls: { ca: readFileSync(tlsFiles.ca, 'utf8'), cert: readFileSync(tlsFiles.cert, 'utf8'), key: readFileSync(tlsFiles.key, 'utf8') },
    });
    expect(endpointOf(readDockerContext(config, names.plain, undefined))).toEqual({ host: 'tcp://127.0.0.1:2375' });
    expect(endpointOf(readDockerContext(config, names.socket, undefined))).toEqual({ host: 'unix:///run/x.sock' });
    expect(endpointOf(readDockerContext(config, names.ssh, undefined))).toEqual({ host: 'ssh://ops@example.invalid' });
    expect(endpointOf(readDockerContext(config, 'default', 'unix:///run/other.sock'))).toEqual({ host: 'unix:///run/other.sock' });
  });

  it('refuses an unknown context, and one Bridgeboard cannot reach as the docker CLI does', () => {
    expect(() => readDockerContext(config, `bbtest-none-${suffix}`, undefined)).toThrow(
      /--context: no Docker context 'bbtest-none-\w+' in .*bb-docker-config-.*\/contexts/,
    );
    expect(() => endpointOf(readDockerContext(config, names.caOnly, undefined))).toThrow(/keeps TLS files but not cert\.pem, key\.pem/);
    expect(() => endpointOf(readDockerContext(config, names.skip, undefined))).toThrow(/skip-tls-verify/);
    expect(() => endpointOf({ name: 'x', description: '', host: 'ssh://example.invalid', tls: {}, skipTlsVerify: false })).toThrow(
      /its host 'ssh:\/\/example\.invalid' is not one Bridgeboard can reach .*give --host/,
    );
  });

  it("an ssh:// context's host key comes from the user's ~/.ssh/known_hosts: its line for that host, hashed or not, or none", () => {
    const home = join(files, 'home');
    const ed = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBM4ucvBatTdIQtoUMTsF98iktfcEWikX62+if0FGp0V';
    expect(userKnownHostKey('ssh://ops@edge-1', home)).toBeNull(); // no ~/.ssh at all
    mkdirSync(join(home, '.ssh'), { recursive: true });
    writeFileSync(join(home, '.ssh', 'known_hosts'), `other ${ed}\n`);
    // Another host's only line is not this host's key.
    expect(userKnownHostKey('ssh://ops@edge-1', home)).toBeNull();
    writeFileSync(join(home, '.ssh', 'known_hosts'), `other ${ed}\n[edge-1]:2222 ${ed} c\n`);
    execFileSync('ssh-keygen', ['-H', '-f', join(home, '.ssh', 'known_hosts')], { stdio: 'ignore' });
    expect(readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8')).not.toContain('edge-1');
    expect(userKnownHostKey('ssh://ops@edge-1:2222', home)).toBe(ed);
    expect(userKnownHostKey('ssh://ops@edge-1', home)).toBeNull();
  });
});
