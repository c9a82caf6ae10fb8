import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { MigrationBody, MigrationProgress, MigrationResult } from '@bridgeboard/contract';
import { expandLinkedGroup, planMigration, stepCommand, type MigrationPlan, type MigrationStep } from '@bridgeboard/topology';
import { connect, disconnect } from './connections.js';
import { createNetwork, removeNetwork } from './networks.js';

/**
 * One migration at a time per server: two running at once could plan the same free subnet or
 * name, or undo each other's steps.
 */
const running = new WeakSet<FastifyInstance>();

/** A test may make one step fail (by index) to see the undo; nothing outside the tests sets it. */
export interface MigrationFaults {
  failAtStep?: number;
}

export function planFor(app: FastifyInstance, body: MigrationBody): MigrationPlan {
  const t = app.topology.current;
  const names = body.includeLinked ? expandLinkedGroup(t, body.containers) : body.containers;
  return planMigration(t, names, {
    ...(body.networkName === undefined ? {} : { networkName: body.networkName }),
    ...(body.subnet === undefined ? {} : { subnet: body.subnet }),
    ...(body.disconnectFromDefault === undefined ? {} : { disconnectFromDefault: body.disconnectFromDefault }),
  });
}

/** Does one step; returns how to take it back. */
async function run(app: FastifyInstance, step: MigrationStep): Promise<() => Promise<unknown>> {
  switch (step.kind) {
    case 'create-network': {
      const network = await createNetwork(app, {
        name: step.name,
        driver: 'bridge',
        subnets: [{ subnet: step.subnet, gateway: step.gateway }],
      });
      return () => removeNetwork(app, network.id);
    }
    case 'connect':
      await connect(app, step.network, { container: step.container, ...(step.aliases.length ? { aliases: step.aliases } : {}) });
      return () => disconnect(app, step.network, step.container, false);
    case 'disconnect':
      await disconnect(app, step.network, step.container, false);
      return () => connect(app, step.network, { container: step.container });
  }
}

/**
 * Applies a plan step by step, telling every board how it goes. On a failure it undoes what it did,
 * newest first, and fails with the step's error (an engine refusal keeps its status and message).
 */
export async function applyMigration(
  app: FastifyInstance,
  body: MigrationBody,
  user: string,
  faults: MigrationFaults = {},
): Promise<MigrationResult> {
  if (running.has(app)) throw app.httpErrors.conflict('another migration is running: wait for it, then review the plan again');
  running.add(app);
  try {
    return await applyPlan(app, body, user, faults);
  } finally {
    running.delete(app);
  }
}

async function applyPlan(app: FastifyInstance, body: MigrationBody, user: string, faults: MigrationFaults): Promise<MigrationResult> {
  const plan = planFor(app, body);
  if (plan.refusals.length > 0) throw app.httpErrors.badRequest(plan.refusals.map((r) => r.reason).join('; '));
  if (body.expectCommands && JSON.stringify(body.expectCommands) !== JSON.stringify(plan.commands)) {
    throw app.httpErrors.conflict('the wiring changed since this plan was made: review the new plan, then apply it');
  }
  const id = randomUUID();
  const total = plan.steps.length;
  const tell = (index: number, status: MigrationProgress['status'], error: string | null = null) =>
    app.io.emit('migration', { id, user, index, total, command: plan.commands[index] ?? '', status, error });

  const undo: (() => Promise<unknown>)[] = [];
  for (const [index, step] of plan.steps.entries()) {
    tell(index, 'running');
    try {
      if (faults.failAtStep === index) throw new Error('failure forced by the test');
      undo.push(await run(app, step));
      tell(index, 'done');
    } catch (err) {
      const message = (err as { json?: { message?: string } }).json?.message ?? (err as Error).message;
      tell(index, 'failed', message);
      const undoErrors: string[] = [];
      for (let i = undo.length - 1; i >= 0; i--) {
        tell(i, 'undoing');
        try {
          await undo[i]?.();
          tell(i, 'undone');
        } catch (undoErr) {
          undoErrors.push(`${plan.commands[i] ?? ''}: ${(undoErr as Error).message}`);
          tell(i, 'failed', (undoErr as Error).message);
        }
      }
      const summary =
        `step ${index + 1} of ${total} (${stepCommand(step)}) failed: ${message}; ` +
        (undoErrors.length ? `could not undo: ${undoErrors.join('; ')}` : `undid the ${undo.length} step(s) before it`);
      // Shaped as an engine refusal: the error handler keeps the engine's status, and the audit says `failed`.
      throw Object.assign(new Error(summary), {
        statusCode: (err as { statusCode?: number }).statusCode ?? 502,
        json: { message: summary },
      });
    }
  }
  return { id, plan, done: total };
}
