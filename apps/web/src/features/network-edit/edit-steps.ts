import type { NetworkEditProgress, NetworkEditReport } from '@bridgeboard/contract';

/**
 * What the dialog shows of an edit being applied: its steps, its checks afterwards and any undoing,
 * first fed live by the socket's `networkEdit` events, then replaced by the server's report.
 */

export type RowStatus = 'pending' | NetworkEditProgress['status'] | 'not-run';

export interface EditRow {
  index: number;
  /** The step's CLI command; for a check, what was compared. */
  command: string;
  status: RowStatus;
  error: string | null;
}

export interface EditRows {
  steps: EditRow[];
  verify: EditRow[];
  undo: EditRow[];
}

const PHASE_ROWS = { apply: 'steps', verify: 'verify', undo: 'undo' } as const satisfies Record<
  NetworkEditProgress['phase'],
  keyof EditRows
>;

/** Before the first event: every step of the plan waiting. */
export const pendingRows = (commands: readonly string[]): EditRows => ({
  steps: commands.map((command, index) => ({ index, command, status: 'pending', error: null })),
  verify: [],
  undo: [],
});

/** The rows with one event applied, in its phase's list; the event's own command wins. */
export function applyEditProgress(rows: EditRows, p: NetworkEditProgress): EditRows {
  const key = PHASE_ROWS[p.phase];
  const list = [...rows[key]];
  for (let i = list.length; i < Math.max(p.total, p.index + 1); i++) list.push({ index: i, command: '', status: 'pending', error: null });
  list[p.index] = { index: p.index, command: p.command || (list[p.index]?.command ?? ''), status: p.status, error: p.error };
  return { ...rows, [key]: list };
}

/** The report's account, which is the last word: every step, every check, every undo command. */
export function rowsOfReport(report: NetworkEditReport): EditRows {
  return {
    steps: report.steps.map((s) => ({ index: s.index, command: s.command, status: s.status, error: s.error })),
    verify: report.verification.map((v, index) => ({
      index,
      command: `${v.container} ${v.field}: ${v.expected}`,
      status: v.ok ? 'done' : 'failed',
      error: v.ok ? null : `found ${v.actual}`,
    })),
    undo: report.undo.map((u, index) => ({ index, command: u.command, status: u.status, error: u.error })),
  };
}

/**
 * Whether an event is the start of the edit this browser just asked for. The server names an edit
 * only in its answer, which comes after every event: the dialog knows its own by the engine, who
 * started it, the network, and its first step starting.
 */
export const isOurStart = (p: NetworkEditProgress, who: { engine: string; user: string; network: string }): boolean =>
  p.engine === who.engine &&
  p.user === who.user &&
  p.network === who.network &&
  p.phase === 'apply' &&
  p.index === 0 &&
  p.status === 'running';
