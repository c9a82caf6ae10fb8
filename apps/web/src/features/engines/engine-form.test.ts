import { describe, expect, it } from 'vitest';
import { checkEngineForm, emptyEngineForm, engineBodyOf, engineUpdateOf, formOf } from './engine-form';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';
const HOST_KEY = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBM4ucvBatTdIQtoUMTsF98iktfcEWikX62+if0FGp0V';

describe('the Add engine form', () => {
  it('names the fields the server would refuse', () => {
    expect(Object.keys(checkEngineForm({ ...emptyEngineForm, id: 'Prod!', host: 'http://x' })).sort()).toEqual(['host', 'id']);
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'tcp://h:2376', ca: PEM })).toHaveProperty('key');
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'ssh://ops@h' })).toHaveProperty('sshKey');
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'unix:///run/d.sock' })).toEqual({});
  });
  it('an ssh:// engine is added with its host key pinned; a Test may go without, to see the key', () => {
    const form = { ...emptyEngineForm, id: 'p', host: 'ssh://ops@h', sshKey: PEM };
    expect(checkEngineForm(form)).toEqual({ hostKey: expect.stringMatching(/^press Test/) as string });
    expect(checkEngineForm(form, false, true)).toEqual({});
    expect(engineBodyOf(form)).toEqual({ id: 'p', host: 'ssh://ops@h', ssh: { privateKey: PEM } });
    expect(checkEngineForm({ ...form, hostKey: 'SHA256:Ney/RP7Q9IePh3uODAC0uym018HBtijU5vbwl4dnzmY' }, false, true)).toHaveProperty(
      'hostKey',
    );
    for (const hostKey of [HOST_KEY, `${HOST_KEY} host a`, `[h]:2222 ${HOST_KEY}`])
      expect(checkEngineForm({ ...form, hostKey })).toEqual({});
    expect(engineBodyOf({ ...form, hostKey: ` ${HOST_KEY}\n` })).toEqual({
      id: 'p',
      host: 'ssh://ops@h',
      ssh: { privateKey: PEM, hostKey: HOST_KEY },
    });
  });
  it('sends only what the scheme uses', () => {
    const form = { ...emptyEngineForm, id: 'p', host: 'unix:///run/d.sock', ca: PEM, sshKey: PEM };
    expect(engineBodyOf(form)).toEqual({ id: 'p', host: 'unix:///run/d.sock' });
    expect(engineBodyOf({ ...form, host: 'tcp://h:2376', cert: PEM, key: PEM })).toEqual({
      id: 'p',
      host: 'tcp://h:2376',
      tls: { ca: PEM, cert: PEM, key: PEM },
    });
  });
});

describe('editing an engine', () => {
  it('starts from its id, name and address; a blank key is kept, so it is not sent', () => {
    const form = formOf({
      id: 'edge',
      name: 'Edge',
      endpoint: { kind: 'ssh', address: 'ssh://ops@edge-1', tls: false, hostKey: 'SHA256:Ney/RP7Q9IePh3uODAC0uym018HBtijU5vbwl4dnzmY' },
      swarm: null,
      source: 'admin',
      status: { reachable: true, version: null, apiVersion: null },
      rev: 3,
    });
    expect(form).toMatchObject({ id: 'edge', name: 'Edge', host: 'ssh://ops@edge-1', sshKey: '' });
    expect(checkEngineForm(form, true)).toEqual({});
    expect(checkEngineForm(form)).toHaveProperty('sshKey');
    expect(engineUpdateOf(form)).toEqual({ name: 'Edge', host: 'ssh://ops@edge-1' });
    // A new host key alone: the stored private key stays.
    expect(engineUpdateOf({ ...form, hostKey: HOST_KEY })).toEqual({ name: 'Edge', host: 'ssh://ops@edge-1', ssh: { hostKey: HOST_KEY } });
    expect(engineUpdateOf({ ...form, sshKey: PEM, passphrase: 'pw' })).toEqual({
      name: 'Edge',
      host: 'ssh://ops@edge-1',
      ssh: { privateKey: PEM, passphrase: 'pw' },
    });
  });
});
