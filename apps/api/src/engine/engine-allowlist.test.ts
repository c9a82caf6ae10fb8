import { describe, expect, it } from 'vitest';
import { callKey, ENGINE_ALLOWLIST, EXEC_CALLS, refusalOf, sentBody, type DialOptions, type ExecGate } from './engine-allowlist.js';
import { PROBE_SCRIPT, PROBE_START, probeExec } from './probe-command.js';

const EXEC_ID = 'a'.repeat(64);
const probesOn: ExecGate = { enabled: () => true, created: (id) => id === EXEC_ID };
const probesOff: ExecGate = { enabled: () => false, created: () => true };
/** The two calls as dockerode dials them for `container.exec(body)` and `exec.start(options)`. */
const create = (body: unknown, path = '/containers/web/exec'): DialOptions => ({ method: 'POST', path, options: body });
const start = (options: unknown = { ...PROBE_START }, id = EXEC_ID, extra: DialOptions = {}): DialOptions => ({
  method: 'POST',
  path: `/exec/${id}/start`,
  options,
  hijack: true,
  openStdin: false,
  ...extra,
});

describe('the engine allowlist', () => {
  it('knows the probes’ exec calls apart from the rest, and has no exec inspect', () => {
    expect(callKey({ method: 'POST', path: '/containers/web/exec' })).toBe('POST /containers/{id}/exec');
    expect(callKey({ method: 'POST', path: '/exec/4f1e/start' })).toBe('POST /exec/{id}/start');
    expect([...EXEC_CALLS]).toEqual(['POST /containers/{id}/exec', 'POST /exec/{id}/start']);
    for (const key of EXEC_CALLS) expect(ENGINE_ALLOWLIST.has(key)).toBe(false);
    expect(refusalOf({ method: 'GET', path: `/exec/${EXEC_ID}/json` }, probesOn)).toMatch(
      /not in Bridgeboard's allowlist: GET \/exec\/\{id\}\/json$/,
    );
  });

  it.each([
    [{ method: 'GET', path: '/containers/web/json?' }, 'GET /containers/{id}/json'],
    [{ method: 'GET', path: '/v1.41/containers/json?all=1' }, 'GET /containers/json'],
    [{ method: 'POST', path: '/networks/appnet/connect' }, 'POST /networks/{id}/connect'],
    [{ method: 'POST', path: '/networks/create?' }, 'POST /networks/create'],
    [{ method: 'DELETE', path: '/networks/3f2a' }, 'DELETE /networks/{id}'],
    // Objects whose names look like endpoints are objects all the same.
    [{ method: 'GET', path: '/containers/json/json' }, 'GET /containers/{id}/json'],
    [{ method: 'GET', path: '/networks/create' }, 'GET /networks/{id}'],
    [{ method: 'DELETE', path: '/networks/create' }, 'DELETE /networks/{id}'],
    [{ method: 'POST', path: '/networks/create/connect' }, 'POST /networks/{id}/connect'],
  ])('folds %o to %s, which is allowed', (options, key) => {
    expect(callKey(options)).toBe(key);
    expect(ENGINE_ALLOWLIST.has(key)).toBe(true);
    expect(refusalOf(options, probesOff)).toBeNull();
  });

  it.each([
    { method: 'POST', path: '/containers/create' },
    { method: 'POST', path: '/containers/web/start' },
    { method: 'DELETE', path: '/containers/web' },
    { method: 'POST', path: '/images/create?fromImage=x' },
    { method: 'GET', path: '/containers/web/archive?path=/etc' },
    { method: 'POST', path: '/networks/prune' },
    { method: 'POST', path: `/exec/${EXEC_ID}/resize` },
  ])('refuses %o, probes on or off', (options) => {
    expect(ENGINE_ALLOWLIST.has(callKey(options))).toBe(false);
    expect(refusalOf(options, probesOn)).toMatch(/not in Bridgeboard's allowlist/);
  });
});

describe('exec, pinned to the live probe', () => {
  const targets = ['bbreach-db', 'store', '10.231.2.3'];

  it('lets the probe’s own exec and its start through while probes are on', () => {
    expect(refusalOf(create(probeExec(targets)), probesOn)).toBeNull();
    expect(refusalOf(create(probeExec([])), probesOn)).toBeNull();
    expect(refusalOf(create(probeExec(targets), '/v1.41/containers/4f1e2d/exec'), probesOn)).toBeNull();
    expect(refusalOf(start(), probesOn)).toBeNull();
  });

  it('refuses even the probe while probes are off', () => {
    expect(refusalOf(create(probeExec(targets)), probesOff)).toMatch(/allowlist: POST \/containers\/\{id\}\/exec \(live probes are off\)/);
    expect(refusalOf(start(), probesOff)).toMatch(/live probes are off/);
  });

  const probe = probeExec(targets);
  it.each([
    ['another command', { ...probe, Cmd: ['cat', '/etc/shadow'] }, /not the probe script/],
    ['another script', { ...probe, Cmd: ['sh', '-c', 'id', 'probe', 'db'] }, /not the probe script/],
    ['the script run by bash', { ...probe, Cmd: ['bash', '-c', PROBE_SCRIPT, 'probe'] }, /not the probe script/],
    ['the script with another $0', { ...probe, Cmd: ['sh', '-c', PROBE_SCRIPT, 'x', 'db'] }, /not the probe script/],
    ['the script cut short', { ...probe, Cmd: ['sh', '-c', PROBE_SCRIPT] }, /not the probe script/],
    ['a ping option as a target', probeExec(['-f', 'db']), /target "-f"/],
    ['shell in a target', probeExec(['db;reboot']), /target "db;reboot"/],
    ['a name inet_aton reads as 192.168.1.1', probeExec(['3232235777']), /target "3232235777"/],
    ['a hex address', probeExec(['0x7f.1']), /target "0x7f.1"/],
    ['an octet over 255', probeExec(['10.0.0.256']), /target "10.0.0.256"/],
    ['a target that is not a string', { ...probe, Cmd: [...probe.Cmd, 7] }, /list of strings/],
    ['as root', { ...probe, User: 'root' }, /never sets: User/],
    ['privileged', { ...probe, Privileged: true }, /never sets: Privileged/],
    ['with stdin', { ...probe, AttachStdin: true }, /never sets: AttachStdin/],
    ['with environment', { ...probe, Env: ['LD_PRELOAD=/x.so'] }, /never sets: Env/],
    ['in another directory', { ...probe, WorkingDir: '/' }, /never sets: WorkingDir/],
    ['with a TTY', { ...probe, Tty: true }, /Tty must be false/],
    ['without stdout', { ...probe, AttachStdout: false }, /AttachStdout must be true/],
    ['no body', undefined, /not an object/],
    ['a body in _body', { ...probe, _body: { Cmd: ['id'] } }, /only for the live probe/],
  ])('refuses an exec with %s', (_, body, why) => {
    expect(refusalOf(create(body), probesOn)).toMatch(why);
  });

  it('refuses the probe into a path that is not a plain container reference, or with a query or a file', () => {
    expect(refusalOf(create(probe, '/containers/..%2Fimages/exec'), probesOn)).toMatch(/not a container id or name/);
    expect(refusalOf(create(probe, '/containers/web/exec?Cmd=id'), probesOn)).toMatch(/query or a file/);
    expect(refusalOf({ ...create(probe), file: Buffer.from('{"Cmd":["id"]}') }, probesOn)).toMatch(/query or a file/);
  });

  it('checks the body as the modem will send it', () => {
    // docker-modem sends `opts._body || opts`, and drops abortSignal from opts.
    expect(sentBody(create({ ...probe, abortSignal: new AbortController().signal }))).toEqual(probe);
    expect(refusalOf(create({ ...probe, abortSignal: new AbortController().signal }), probesOn)).toBeNull();
    // toJSON decides what goes on the wire: that is what is checked.
    const sly = { ...probe, toJSON: () => ({ ...probe, Cmd: ['id'] }) };
    expect(refusalOf(create(sly), probesOn)).toMatch(/not the probe script/);
  });

  it.each([
    ['an exec this client did not create', start(undefined, 'b'.repeat(64)), /not created by the probe/],
    ['an id that is not an exec id', start(undefined, 'web'), /not created by the probe/],
    ['with stdin open', start(undefined, EXEC_ID, { openStdin: true }), /sends nothing in/],
    ['without hijack', start(undefined, EXEC_ID, { hijack: false }), /sends nothing in/],
    ['with a TTY', start({ ...PROBE_START, Tty: true }), /start options other than the probe’s/],
    ['detached', start({ Detach: true }), /start options other than the probe’s/],
  ])('refuses a start of %s', (_, options, why) => {
    expect(refusalOf(options, probesOn)).toMatch(why);
  });
});
