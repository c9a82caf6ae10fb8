/** What one ping target did inside the container. */
export interface Seen {
  answered: boolean;
  /** The address the target resolved to (itself, for an address); null when it did not resolve. */
  address: string | null;
}

/** The probe ran and says what each target did, or it could not tell anything, and why. */
export type ProbeRun = { ran: true; seen: Map<string, Seen> } | { ran: false; reason: string };

const TOOLS = 'sh, ping, timeout, sed and head';
/** What the engine writes into the exec's stream when the command does not exist (runc, crun). */
const NO_SHELL = /"sh"[^\n]*(executable file not found|no such file)|executable file `sh` not found/i;

/** Printable text of an error the engine wrote in place of the exec's output, cut short. */
const printable = (raw: string): string =>
  raw
    .replace(/[^\x21-\x7e]+/g, ' ')
    .trim()
    .slice(0, 200);

/**
 * Reads the probe script's lines (engine/probe-command.ts) from `container`'s stdout. `raw` is the
 * exec's whole stream before demultiplexing: when the exec itself fails (no `sh`), the engine
 * writes its error there, not in a stdout frame.
 */
export function readProbeOutput(container: string, stdout: string, raw: string): ProbeRun {
  const seen = new Map<string, Seen>();
  let ready = false;
  for (const line of stdout.split('\n')) {
    const [word = '', ...rest] = line.trim().split(' ');
    if (word === 'missing') return { ran: false, reason: `${container} has no ${rest[0] ?? 'tool'}: the probe runs ${TOOLS} inside it` };
    if (word === 'broken') {
      const why = rest.join(' ').trim();
      return { ran: false, reason: `ping cannot send from ${container}${why ? ` (${why})` : ''}, so no answer there would prove nothing` };
    }
    if (word === 'ready') ready = true;
    const [target, address] = rest;
    if (target && (word === 'ok' || word === 'no')) seen.set(target, { answered: word === 'ok', address: address || null });
  }
  if (ready) return { ran: true, seen };
  if (NO_SHELL.test(raw)) return { ran: false, reason: `${container} has no sh: the probe runs ${TOOLS} inside it` };
  return { ran: false, reason: `the probe did not start in ${container}: ${printable(raw) || 'it printed nothing'}` };
}
