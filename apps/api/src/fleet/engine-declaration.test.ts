import { describe, expect, it } from 'vitest';
import { specOf } from './engine-declaration.js';

const PEM = (what: string) => `-----BEGIN ${what}-----\nAAAA\n-----END ${what}-----`;
const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBM4ucvBatTdIQtoUMTsF98iktfcEWikX62+if0FGp0V';
const HOST_KEY_FP = 'SHA256:Ney/RP7Q9IePh3uODAC0uym018HBtijU5vbwl4dnzmY';

describe('specOf', () => {
  it('a socket', () => {
    const spec = specOf({ id: 'ns1', host: 'unix:///run/bb/1/docker.sock' }, 'admin');
    expect(spec).toMatchObject({ id: 'ns1', name: 'ns1', local: false, connection: { socketPath: '/run/bb/1/docker.sock' } });
    expect(spec.endpoint).toEqual({ kind: 'socket', address: 'unix:///run/bb/1/docker.sock', tls: false });
  });
  it('tcp:// with TLS: the key goes to the connection, never to the summary', () => {
    const spec = specOf(
      {
        id: 'prod',
        name: 'Prod',
        host: 'tcp://10.0.0.5',
        tls: { ca: PEM('CERTIFICATE'), cert: PEM('CERTIFICATE'), key: PEM('PRIVATE KEY') },
      },
      'admin',
    );
    expect(spec.connection).toMatchObject({ protocol: 'https', host: '10.0.0.5', port: 2376, key: PEM('PRIVATE KEY') });
    expect(spec.endpoint).toEqual({ kind: 'tcp', address: 'tcp://10.0.0.5', tls: true });
    expect(JSON.stringify(spec.endpoint)).not.toContain('PRIVATE');
  });
  it('plain tcp:// defaults to 2375', () => {
    expect(specOf({ id: 'lab', host: 'tcp://[fd00::5]' }, 'file').connection).toEqual({ protocol: 'http', host: 'fd00::5', port: 2375 });
  });
  it('ssh:// with a key, a passphrase and the pinned host key: ssh2 is given a host verifier for it', () => {
    const spec = specOf(
      {
        id: 'edge',
        host: 'ssh://ops@edge-1:2222',
        ssh: { privateKey: PEM('OPENSSH PRIVATE KEY'), passphrase: 'pw', hostKey: `[edge-1]:2222 ${HOST_KEY}` },
      },
      'admin',
      { requireHostKey: true },
    );
    expect(spec.connection).toMatchObject({ protocol: 'ssh', host: 'edge-1', port: 2222, username: 'ops' });
    expect(spec.endpoint).toEqual({ kind: 'ssh', address: 'ssh://ops@edge-1:2222', tls: false, hostKey: HOST_KEY_FP });
    const ssh = spec.connection.sshOptions;
    expect(ssh?.algorithms).toEqual({ serverHostKey: ['ssh-ed25519'] });
    expect(ssh?.hostVerifier).toBe(spec.hostKey?.verify);
    expect(spec.hostKey?.name).toBe('[edge-1]:2222');
    expect(spec.hostKey?.pinned?.fingerprint).toBe(HOST_KEY_FP);
  });
  it('ssh:// without a host key: refused to add; for a test, a verifier that refuses every key', () => {
    const body = { id: 'edge', host: 'ssh://ops@edge-1', ssh: { privateKey: PEM('OPENSSH PRIVATE KEY') } };
    expect(() => specOf(body, 'admin', { requireHostKey: true })).toThrow(/^ssh\.hostKey: pin the engine's host key/);
    const spec = specOf(body, 'admin');
    expect(spec.endpoint).toEqual({ kind: 'ssh', address: 'ssh://ops@edge-1', tls: false });
    expect(spec.hostKey?.pinned).toBeNull();
    expect(typeof spec.connection.sshOptions?.hostVerifier).toBe('function');
    expect(() => specOf({ ...body, ssh: { ...body.ssh, hostKey: 'ssh-ed25519 AAAAnotakey' } }, 'admin')).toThrow(
      /^ssh\.hostKey: not an SSH public key/,
    );
  });
  it('refuses what does not fit, naming the field', () => {
    expect(() => specOf({ id: 'x', host: 'ssh://ops@edge' }, 'admin')).toThrow(/^ssh: /);
    expect(() => specOf({ id: 'x', host: 'unix:///s', tls: { ca: PEM('C'), cert: PEM('C'), key: PEM('K') } }, 'admin')).toThrow(/^tls: /);
    expect(() => specOf({ id: 'x', host: 'tcp://h', ssh: { privateKey: PEM('K') } }, 'admin')).toThrow(/^ssh: /);
    expect(() => specOf({ id: 'local', host: 'tcp://h' }, 'admin')).toThrow(/^id: /);
  });
});
