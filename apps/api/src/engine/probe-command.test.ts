import { describe, expect, it } from 'vitest';
import { isProbeTarget, probeExec, probeExecRefusal } from './probe-command.js';

describe('the probe’s command', () => {
  it('passes targets as arguments after the fixed script', () => {
    const { Cmd } = probeExec(['db', '10.0.0.3']);
    expect(Cmd.slice(0, 2)).toEqual(['sh', '-c']);
    expect(Cmd.slice(3)).toEqual(['probe', 'db', '10.0.0.3']);
    expect(Cmd[2]).not.toContain('db');
    expect(probeExecRefusal(probeExec(['db', '10.0.0.3']))).toBeNull();
  });

  // `k in FIELDS` also answered for what every object inherits: such a field passed as one the probe sets.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'])('refuses an exec body with a field %s', (field) => {
    const body: unknown = JSON.parse(JSON.stringify({ ...probeExec(['db']), [field]: 'x' }));
    expect(probeExecRefusal(body)).toBe(`fields the probe never sets: ${field}`);
  });

  it.each(['db', 'bbreach-legacy-db', 'store', '75a6f49ace67', 'a.b_c-d', '10.231.1.2', '0.0.0.0', '255.255.255.255', '127.0.0.1'])(
    'takes %s as a target',
    (t) => expect(isProbeTarget(t)).toBe(true),
  );

  it.each([
    '',
    '-c',
    '-f',
    'a b',
    'db;id',
    '$(id)',
    'x'.repeat(129),
    '10.0.0.256',
    '010.0.0.1',
    '1.2.3',
    '167772161',
    '0x0a000001',
    '0X7f.1',
    '10.1.',
  ])('refuses %j as a target', (t) => expect(isProbeTarget(t)).toBe(false));
});
