import { describe, expect, it } from 'vitest';
import { checkEngineForm, emptyEngineForm, engineBodyOf, engineUpdateOf, formOf } from './engine-form';

const PEM = '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----';

describe('the Add engine form', () => {
  it('names the fields the server would refuse', () => {
    expect(Object.keys(checkEngineForm({ ...emptyEngineForm, id: 'Prod!', host: 'http://x' })).sort()).toEqual(['host', 'id']);
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'tcp://h:2376', ca: PEM })).toHaveProperty('key');
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'ssh://ops@h' })).toHaveProperty('sshKey');
    expect(checkEngineForm({ ...emptyEngineForm, id: 'p', host: 'unix:///run/d.sock' })).toEqual({});
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
      endpoint: { kind: 'ssh', address: 'ssh://ops@edge-1', tls: false },
      swarm: null,
      source: 'admin',
      status: { reachable: true, version: null, apiVersion: null },
      rev: 3,
    });
    expect(form).toMatchObject({ id: 'edge', name: 'Edge', host: 'ssh://ops@edge-1', sshKey: '' });
    expect(checkEngineForm(form, true)).toEqual({});
    expect(checkEngineForm(form)).toHaveProperty('sshKey');
    expect(engineUpdateOf(form)).toEqual({ name: 'Edge', host: 'ssh://ops@edge-1' });
  });
});
