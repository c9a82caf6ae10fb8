import { randomUUID } from 'node:crypto';
import type { Engine } from '../fleet/engine.js';
import type { MigrationBody, MigrationProgress, MigrationResult } from '@bridgeboard/contract';
import { expandLinkedGroup, planMigration, stepCommand, type MigrationPlan } from '@bridgeboard/topology';
import { BridgeboardError, StepsFailedError } from '../errors.js';
import { runStep, type Undo } from './migration-step.js';

/**
 * One migration at a time per server: two running at once could plan the same free subnet or
 * name, or undo each other's steps.
 */
const running = new WeakSet<Engine>();

/** A test may make one step fail (by index) to see the undo; nothing outside the tests sets it. */
export interface MigrationFaults {
  failAtStep?: number;
}

/** Where the progress of each step goes (the route sends it to the engine's boards). */
export type ProgressSink = (progress: MigrationProgress) => void;

export function planFor(engine: Engine, body: MigrationBody): MigrationPlan {
  const t = engine.store.current;
  const names = body.includeLinked ? expandLinkedGroup(t, body.containers) : body.containers;
  return planMigration(t, names, {
    ...(body.from === undefined ? {} : { from: body.from }),
    ...(body.networkName === undefined ? {} : { networkName: body.networkName }),
    ...(body.subnet === undefined ? {} : { subnet: body.subnet }),
    ...(body.disconnectFromDefault === undefined ? {} : { disconnectFromDefault: body.disconnectFromDefault }),
  });
}

/**
 * Applies a plan step by step, telling every board how it goes. On a failure it undoes what it did,
 * newest first, and fails with a StepsFailedError whose cause is the step's own error (an engine
 * refusal keeps its status and message through the error handler).
 */
export async function applyMigration(
  engine: Engine,
  body: MigrationBody,
  user: string,
  progress: ProgressSink,
  faults: MigrationFaults = {},
): Promise<MigrationResult> {
  if (running.has(engine)) throw new BridgeboardError('conflict', 'another migration is running: wait for it, then review the plan again');
  running.add(engine);
  try {
    return await applyPlan(engine, body, user, progress, faults);
  } finally {
    running.delete(engine);
  }
}

async function applyPlan(
  engine: Engine,
  body: MigrationBody,
  user: string,
  progress: ProgressSink,
  faults: MigrationFaults,
): Promise<MigrationResult> {
  const plan = planFor(engine, body);
  if (plan.refusals.length > 0) throw new BridgeboardError('invalid', plan.refusals.map((r) => r.reason).join('; '));
  if (body.expectCommands && JSON.stringify(body.expectCommands) !== JSON.stringify(plan.commands)) {
    throw new BridgeboardError('conflict', 'the topology changed since this plan was made: review the new plan, then apply it');
  }
  const id = randomUUID();
  const total = plan.steps.length;
  const tell = (index: number, status: MigrationProgress['status'], error: string | null = null) =>
    progress({ id, engine: engine.id, user, index, total, command: plan.commands[index] ?? '', status, error });

  const undo: Undo[] = [];
  for (const [index, step] of plan.steps.entries()) {
    tell(index, 'running');
    try {
      if (faults.failAtStep === index) throw new Error('failure forced by the test');
      undo.push(await runStep(engine, step));
      tell(index, 'done');
    } catch (err) {
      tell(index, 'failed', reason(err));
      const { failed, changed } = await undoAll(undo, tell, plan.commands);
      const summary =
        `step ${index + 1} of ${total} (${stepCommand(step)}) failed: ${reason(err)}; ` +
        (failed.length ? `could not undo: ${failed.join('; ')}` : `undid the ${undo.length} step(s) before it`) +
        changed.map((note) => `; ${note}`).join('');
      throw new StepsFailedError(summary, { cause: err });
    }
  }
  return { id, plan, done: total };
}

/** The engine's own message when it refused, else the error's. */
const reason = (err: unknown): string => (err as { json?: { message?: string } }).json?.message ?? (err as Error).message;

/** Undoes the steps done, newest first: what could not be undone, and what came back otherwise than it was. */
async function undoAll(
  undo: readonly Undo[],
  tell: (index: number, status: MigrationProgress['status'], error?: string | null) => void,
  commands: readonly string[],
): Promise<{ failed: string[]; changed: string[] }> {
  const failed: string[] = [];
  const changed: string[] = [];
  for (let i = undo.length - 1; i >= 0; i--) {
    tell(i, 'undoing');
    try {
      const note = await undo[i]?.();
      if (note) changed.push(note);
      tell(i, 'undone');
    } catch (err) {
      failed.push(`${commands[i] ?? ''}: ${reason(err)}`);
      tell(i, 'failed', reason(err));
    }
  }
  return { failed, changed };
}
