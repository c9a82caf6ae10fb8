import { describe, expect, it } from 'vitest';
import { readProbeOutput } from './probe-output.js';

describe('reading what the probe printed', () => {
  it('reads each target after the ready line', () => {
    const run = readProbeOutput('web', 'ready\nok db 10.0.0.3\nno store 10.0.0.3\nno ghost \nok 10.0.0.3 10.0.0.3\n', '');
    expect(run).toEqual({
      ran: true,
      seen: new Map([
        ['db', { answered: true, address: '10.0.0.3' }],
        ['store', { answered: false, address: '10.0.0.3' }],
        ['ghost', { answered: false, address: null }],
        ['10.0.0.3', { answered: true, address: '10.0.0.3' }],
      ]),
    });
  });

  it('is not probed when a tool is missing, naming it', () => {
    expect(readProbeOutput('slim', 'missing ping\n', '')).toEqual({
      ran: false,
      reason: 'slim has no ping: the probe runs sh, ping, timeout, sed and head inside it',
    });
  });

  it('is not probed when ping cannot send, with ping’s complaint', () => {
    expect(readProbeOutput('hard', 'broken ping: permission denied (are you root?)\n', '')).toEqual({
      ran: false,
      reason: 'ping cannot send from hard (ping: permission denied (are you root?)), so no answer there would prove nothing',
    });
  });

  it('is not probed when there is no shell: the engine says so outside the stdout frames', () => {
    const raw =
      '\u0001\u0000\u0000\u0000\u0000\u0000\u0000OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\r\n';
    expect(readProbeOutput('distroless', 'CI runtime exec', raw)).toEqual({
      ran: false,
      reason: 'distroless has no sh: the probe runs sh, ping, timeout, sed and head inside it',
    });
  });

  it('never reads silence as "unreachable": no ready line, no verdicts', () => {
    expect(readProbeOutput('odd', 'no db 10.0.0.3\n', 'weird\u0000 engine\u0007 text')).toEqual({
      ran: false,
      reason: 'the probe did not start in odd: weird engine text',
    });
    expect(readProbeOutput('mute', '', '')).toEqual({ ran: false, reason: 'the probe did not start in mute: it printed nothing' });
  });
});
