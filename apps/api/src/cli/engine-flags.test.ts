import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { EngineSummary } from '@bridgeboard/contract';
import { loadConfig } from '../config.js';
import { contextDirName } from './docker-contexts.js';
import { bodyOf, updateOf } from './engine-flags.js';

const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBM4ucvBatTdIQtoUMTsF98iktfcEWikX62+if0FGp0V';
const PEM = '-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n';

function engine(id: string, address: string, more: Partial<EngineSummary> = {}): EngineSummary {
  const kind = address.startsWith('ssh://') ? 'ssh' : address.startsWith('tcp://') ? 'tcp' : 'socket';
  return {
    id,
    name: id,
    endpoint: { kind, address, tls: false },
    source: 'admin',
    status: { reachable: true, version: '28.0.0', apiVersion: '1.48' },
    rev: 1,
    swarm: null,
    ...more,
  };
}

/** What `engines edit` sends for an engine as it is now: the flags' changes over it, the rest as it stands. */
describe('engine flags: an edit', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bb-engine-flags-'));
  const file = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  };
  const config = loadConfig({});
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps the host and the name it has: the server would take a name left out as none', () => {
    const now = engine('prod', 'tcp://10.0.0.5:2376', { name: 'Production' });
    expect(updateOf(config, { name: 'Prod' }, now)).toEqual({ name: 'Prod', host: 'tcp://10.0.0.5:2376' });
    expect(updateOf(config, { host: 'tcp://10.0.0.6:2376' }, now)).toEqual({ name: 'Production', host: 'tcp://10.0.0.6:2376' });
    // Named after its id, it was given no name: none is sent, and none is stored.
    expect(updateOf(config, { host: 'unix:///run/two.sock' }, engine('two', 'unix:///run/one.sock'))).toEqual({
      host: 'unix:///run/two.sock',
    });
  });

  it('reads certificates and keys from the files named, as add does; the keys left out stay on the server', () => {
    const pem = file('client.pem', PEM);
    const now = engine('prod', 'tcp://10.0.0.5:2376');
    expect(updateOf(config, { tlsCa: pem, tlsCert: pem, tlsKey: pem }, now)).toEqual({
      host: 'tcp://10.0.0.5:2376',
      tls: { ca: PEM, cert: PEM, key: PEM },
    });
    expect(() => updateOf(config, { tlsCa: pem, tlsCert: pem }, now)).toThrow('--tls-ca, --tls-cert and --tls-key go together');
    expect(() => updateOf(config, { tlsCa: pem, tlsCert: pem, tlsKey: join(dir, 'none.pem') }, now)).toThrow(
      /--tls-key: cannot read .*none\.pem: ENOENT/,
    );
  });

  it('ssh://: a new host key for the host it has, from known_hosts; a passphrase alone is for the key it keeps', () => {
    const now = engine('edge', 'ssh://ops@10.0.0.7:2222');
    const knownHosts = file('known_hosts', `[10.0.0.7]:2222 ${HOST_KEY}\n`);
    expect(updateOf(config, { sshKnownHosts: knownHosts }, now)).toEqual({ host: now.endpoint.address, ssh: { hostKey: HOST_KEY } });
    const passphrase = file('passphrase', 'correct horse\n');
    expect(updateOf(config, { sshPassphraseFile: passphrase }, now)).toEqual({
      host: now.endpoint.address,
      ssh: { passphrase: 'correct horse' },
    });
    // No key is kept for another scheme, nor for an engine that is not ssh:// (the server would drop it unsaid).
    expect(() => updateOf(config, { sshPassphraseFile: passphrase }, engine('plain', 'tcp://10.0.0.5:2375'))).toThrow(
      '--ssh-passphrase-file goes with --ssh-key',
    );
    expect(() => updateOf(config, { sshPassphraseFile: passphrase, host: 'unix:///run/x.sock' }, now)).toThrow(
      '--ssh-passphrase-file goes with --ssh-key',
    );
    expect(() => updateOf(config, { sshHostKey: HOST_KEY }, engine('plain', 'tcp://10.0.0.5:2375'))).toThrow(
      '--ssh-host-key and --ssh-known-hosts are for ssh:// engines, not tcp://10.0.0.5:2375',
    );
    // Adding still needs the key with its passphrase.
    expect(() => bodyOf(config, 'edge', { host: 'ssh://ops@10.0.0.7', sshPassphraseFile: passphrase })).toThrow(
      '--ssh-passphrase-file goes with --ssh-key',
    );
  });

  it('--context: refused onto a TLS engine when the context has no TLS files (the server would keep the old ones)', () => {
    const meta = join(dir, 'contexts', 'meta', contextDirName('plain'));
    mkdirSync(meta, { recursive: true });
    writeFileSync(join(meta, 'meta.json'), JSON.stringify({ Name: 'plain', Endpoints: { docker: { Host: 'tcp://10.0.0.9:2375' } } }));
    const tlsEngine = engine('prod', 'tcp://10.0.0.5:2376', { endpoint: { kind: 'tcp', address: 'tcp://10.0.0.5:2376', tls: true } });
    expect(() => updateOf(config, { context: 'plain', dockerConfig: dir }, tlsEngine)).toThrow(
      "context 'plain' reaches tcp://10.0.0.9:2375 without TLS, and engine 'prod' keeps its certificates when none are given",
    );
    // Onto a plain one it is the host, and the name stays (an edit renames only with --name).
    expect(updateOf(config, { context: 'plain', dockerConfig: dir }, engine('dev', 'tcp://10.0.0.5:2375'))).toEqual({
      host: 'tcp://10.0.0.9:2375',
    });
  });
});
