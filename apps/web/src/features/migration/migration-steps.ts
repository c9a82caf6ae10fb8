import type { MigrationProgress } from '@bridgeboard/contract';

/** Step rows of a migration being applied, fed by the socket's `migration` events. */

export type StepStatus = 'pending' | MigrationProgress['status'];

export interface StepRow {
  index: number;
  command: string;
  status: StepStatus;
  error: string | null;
}

export const pendingSteps = (commands: readonly string[]): StepRow[] =>
  commands.map((command, index) => ({ index, command, status: 'pending', error: null }));

/** The rows with one event applied; the event's own command wins (the server re-plans at apply time). */
export function applyProgress(rows: readonly StepRow[], p: MigrationProgress): StepRow[] {
  const next = [...rows];
  for (let i = next.length; i < p.total; i++) next.push({ index: i, command: '', status: 'pending', error: null });
  next[p.index] = { index: p.index, command: p.command, status: p.status, error: p.error };
  return next;
}

/**
 * Whether an event is the start of the migration this browser just asked for. The server names a
 * migration only in its answer, which comes after all the events, so the dialog recognises its own
 * by who started it and what the first step does (it creates the network, a name nobody else can
 * be creating at the same time).
 */
export const isOurStart = (p: MigrationProgress, me: string, commands: readonly string[]): boolean =>
  p.user === me && p.index === 0 && p.status === 'running' && p.command === commands[0];

/** After the server said it succeeded: whatever the socket has not told yet is done. */
export const allDone = (rows: readonly StepRow[]): StepRow[] =>
  rows.map((r) => (r.status === 'pending' || r.status === 'running' ? { ...r, status: 'done' } : r));
