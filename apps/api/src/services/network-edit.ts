import { randomUUID } from 'node:crypto';
import type { Engine } from '../fleet/engine.js';
import {
  specOfCreateBody,
  validateNetworkCreate,
  type NetworkEditBody,
  type NetworkEditProgress,
  type NetworkEditReport,
} from '@bridgeboard/contract';
import { endpointsOfNetwork, planNetworkEdit, type EngineEndpointSettings, type NetworkEditPlan } from '@bridgeboard/topology';
import { inspectContainer } from '../engine/engine-reader.js';
import { BridgeboardError, RolledBackError } from '../errors.js';
import { runEditStep, type EditState } from './edit-engine-calls.js';
import { reasonOf, undoEdit } from './edit-undo.js';
import { verifyEdit } from './edit-verify.js';
import { resolveNetwork } from './resolve.js';

/** One edit at a time per engine: two at once could undo each other's steps. */
const editing = new WeakSet<Engine>();

export interface EditOptions {
  /** Live probes are on: the verification also resolves every name from a container on the network. */
  probes?: boolean;
  /** A test may make one step fail (by index), or the verification, to see the rollback; nothing outside the tests sets these. */
  failAtStep?: number;
  failVerification?: boolean;
}

export type EditProgressSink = (progress: Omit<NetworkEditProgress, 'engine' | 'user'>) => void;

/** Each attached container's settings on the network, from its inspect now: what the plan keeps. */
async function endpointSettings(engine: Engine, networkId: string, networkName: string): Promise<Record<string, EngineEndpointSettings>> {
  const out: Record<string, EngineEndpointSettings> = {};
  for (const e of endpointsOfNetwork(engine.store.current, networkId)) {
    const networks = (await inspectContainer(engine.docker, e.containerId))?.NetworkSettings?.Networks ?? {};
    const settings = Object.hasOwn(networks, networkName) ? networks[networkName] : undefined;
    if (settings) out[e.containerId] = settings;
  }
  return out;
}

async function planWithSettings(engine: Engine, ref: string, body: NetworkEditBody) {
  const network = await resolveNetwork(engine, ref);
  // Docker's own networks are refused by the plan, whose reason says why; their names would only be "reserved".
  const problems = network.system ? [] : validateNetworkCreate(body.network);
  if (problems.length > 0) throw new BridgeboardError('invalid', problems.map((p) => `network.${p.field}: ${p.message}`).join('; '));
  const settings = await endpointSettings(engine, network.id, network.name);
  const plan = planNetworkEdit(engine.store.current, {
    network: network.id,
    target: specOfCreateBody(body.network, network),
    settings,
    addresses: body.addresses ?? 'refuse',
    apiVersion: engine.watcher.status.apiVersion ?? '1.41',
  });
  return { plan, settings };
}

/** The plan for an edit, made from the engine as it is now; changes nothing. */
export async function planEdit(engine: Engine, ref: string, body: NetworkEditBody): Promise<NetworkEditPlan> {
  return (await planWithSettings(engine, ref, body)).plan;
}

/**
 * Applies a reviewed plan: refused when the network changed since it was made (`expectBasis`).
 * Runs the steps in order, telling every board; then compares every endpoint with the plan. Any
 * failure or difference undoes everything (edit-undo.ts) and throws a RolledBackError carrying the report.
 */
export async function applyEdit(
  engine: Engine,
  ref: string,
  body: NetworkEditBody,
  progress: EditProgressSink,
  faults: EditOptions = {},
): Promise<NetworkEditReport> {
  if (editing.has(engine))
    throw new BridgeboardError('conflict', 'another network edit is running on this engine: wait for it, then review the plan again');
  editing.add(engine);
  try {
    // The network first: an odd reference is answered as such, whatever else the body lacks.
    const { plan, settings } = await planWithSettings(engine, ref, body);
    if (!body.expectBasis)
      throw new BridgeboardError('invalid', 'expectBasis: applying needs the basis of the plan you reviewed (POST …/edit/plan)');
    if (plan.refusals.length > 0) throw new BridgeboardError('invalid', plan.refusals.map((r) => r.reason).join('; '));
    if (plan.basis !== body.expectBasis) {
      throw new BridgeboardError(
        'conflict',
        `network '${plan.network}' changed since this plan was made: review the new plan, then apply it`,
      );
    }
    return await run(engine, plan, settings, progress, faults);
  } finally {
    editing.delete(engine);
  }
}

/**
 * Has the store read what the edit touched before the answer goes out. A stopped container's
 * connect makes no event at all (it has no endpoint yet): without this read the board would lose it.
 */
async function catchUp(engine: Engine, plan: NetworkEditPlan, networkId: string): Promise<void> {
  const reads = [
    { kind: 'network' as const, id: networkId },
    ...plan.endpoints.map((e) => ({ kind: 'container' as const, id: e.containerId })),
  ];
  await Promise.all(reads.map((target) => engine.watcher.refresh(target).catch(() => undefined)));
}

type Tell = (progress: Omit<NetworkEditProgress, 'engine' | 'user' | 'id' | 'network'>) => void;

async function run(
  engine: Engine,
  plan: NetworkEditPlan,
  settings: Record<string, EngineEndpointSettings>,
  progress: EditProgressSink,
  faults: EditOptions,
): Promise<NetworkEditReport> {
  const total = plan.steps.length;
  const id = randomUUID();
  const tell: Tell = (p) => progress({ ...p, id, network: plan.network });
  const report: NetworkEditReport = {
    id,
    network: plan.network,
    outcome: 'kept',
    reason: null,
    steps: plan.commands.map((command, index) => ({ index, command, status: 'not-run', ms: 0, error: null })),
    undo: [],
    verification: [],
    offlineMs: [],
  };
  const state: EditState = { oldId: plan.networkId, removed: false, newId: null, connected: [], disconnected: [] };
  const offSince = new Map<string, number>();
  const running = new Set(plan.endpoints.filter((e) => e.running).map((e) => e.containerId));
  for (const [index, step] of plan.steps.entries()) {
    const command = plan.commands[index] ?? '';
    const row = report.steps[index];
    tell({ phase: 'apply', index, total, command, status: 'running', error: null });
    const started = performance.now();
    try {
      if (faults.failAtStep === index) throw new Error('failure forced by the test');
      if (step.kind === 'disconnect' && running.has(step.containerId)) offSince.set(step.containerId, started);
      await runEditStep(engine, step, state, settings);
      const since = step.kind === 'connect' ? offSince.get(step.containerId) : undefined;
      if (step.kind === 'connect' && since !== undefined)
        report.offlineMs.push({ container: step.container, ms: Math.round(performance.now() - since) });
      if (row) Object.assign(row, { status: 'done', ms: Math.round(performance.now() - started) });
      tell({ phase: 'apply', index, total, command, status: 'done', error: null });
    } catch (err) {
      if (row) Object.assign(row, { status: 'failed', ms: Math.round(performance.now() - started), error: reasonOf(err) });
      tell({ phase: 'apply', index, total, command, status: 'failed', error: reasonOf(err) });
      return rollBack(engine, plan, state, report, `step ${index + 1} of ${total} (${command}) failed: ${reasonOf(err)}`, tell);
    }
  }
  report.verification = await verifyEdit(engine, plan, state.newId ?? plan.after.name, faults.probes);
  if (faults.failVerification)
    report.verification.push({ container: plan.network, field: 'forced', expected: 'ok', actual: 'failure forced by the test', ok: false });
  const wrong = report.verification.filter((c) => !c.ok);
  for (const [index, c] of report.verification.entries()) {
    tell({
      phase: 'verify',
      index,
      total: report.verification.length,
      command: `${c.container} ${c.field}: ${c.actual}`,
      status: c.ok ? 'done' : 'failed',
      error: c.ok ? null : `expected ${c.expected}`,
    });
  }
  await catchUp(engine, plan, state.newId ?? plan.networkId);
  if (wrong.length > 0) {
    const what = wrong.map((c) => `${c.container} ${c.field} is ${c.actual}, not ${c.expected}`).join('; ');
    return rollBack(engine, plan, state, report, `the result differs from the plan: ${what}`, tell);
  }
  return report;
}

async function rollBack(
  engine: Engine,
  plan: NetworkEditPlan,
  state: EditState,
  report: NetworkEditReport,
  reason: string,
  tell: Tell,
): Promise<never> {
  report.reason = reason;
  let index = 0;
  report.undo = await undoEdit(engine, plan, state, (row) =>
    tell({
      phase: 'undo',
      index: index++,
      total: 0,
      command: row.command,
      status: row.status === 'done' ? 'undone' : 'failed',
      error: row.error,
    }),
  );
  for (const row of report.steps) if (row.status === 'done') row.status = 'undone';
  const undone = report.undo.every((u) => u.status === 'done');
  report.outcome = undone ? 'rolled-back' : 'rollback-failed';
  await catchUp(engine, plan, plan.networkId);
  const failed = report.undo.filter((u) => u.status === 'failed').map((u) => `${u.command}: ${u.error ?? ''}`);
  throw new RolledBackError(
    undone ? `${reason}; everything was put back as it was` : `${reason}; putting it back failed too: ${failed.join('; ')}`,
    report,
    undone,
  );
}
