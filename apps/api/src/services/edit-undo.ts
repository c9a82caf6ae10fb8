import type { Engine } from '../fleet/engine.js';
import type { NetworkEditReport } from '@bridgeboard/contract';
import { editStepCommand, ownAliases, type EditStep, type EngineEndpointSettings, type NetworkEditPlan } from '@bridgeboard/topology';
import { inspectContainer } from '../engine/engine-reader.js';
import { endpointConfigOf, type EditState } from './edit-engine-calls.js';
import { engineBodyOfSpec } from './network-body.js';

type ConnectStep = Extract<EditStep, { kind: 'connect' }>;
type UndoRow = NetworkEditReport['undo'][number];

/** The engine's message when it refused, else the error's. */
export const reasonOf = (err: unknown): string => (err as { json?: { message?: string } }).json?.message ?? (err as Error).message;

const atLeast = (apiVersion: string | null, major: number, minor: number): boolean => {
  const [a = 0, b = 0] = (apiVersion ?? '').split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** An IPv4 address as a number, to put addresses in the engine's order. */
const ipv4Order = (ip: string | undefined): number => (ip ?? '').split('.').reduce((n, part) => n * 256 + (Number(part) || 0), 0);

/** The connect that gives a container back what it had on the old network. `fixAddress` asks for its live address too. */
function rejoinStep(network: string, d: EditState['disconnected'][number], apiVersion: string | null, fixAddress: boolean): ConnectStep {
  const s: EngineEndpointSettings = d.settings;
  return {
    kind: 'connect',
    network,
    container: d.container,
    containerId: d.containerId,
    ipv4: s.IPAMConfig?.IPv4Address || (fixAddress ? s.IPAddress || null : null),
    ipv6: s.IPAMConfig?.IPv6Address || (fixAddress ? s.GlobalIPv6Address || null : null),
    aliases: ownAliases({ id: d.containerId, name: d.container }, s.Aliases),
    links: s.Links ?? [],
    driverOpts: s.DriverOpts ?? {},
    mac: atLeast(apiVersion, 1, 44) && s.MacAddress ? s.MacAddress : null,
    gwPriority: s.GwPriority || null,
  };
}

/**
 * Puts everything back: off the new network, the new network removed, the old one made again
 * (when it was removed) and every container connected to it with what it had. Addresses the
 * engine had chosen are not asked for (asking would fix them from then on): the engine hands out
 * the lowest free address, so they are given back in the order of their addresses and land where
 * they were; one that does not is moved to its old address by asking for it, and the report says so.
 */
export async function undoEdit(engine: Engine, plan: NetworkEditPlan, state: EditState, tell: (row: UndoRow) => void): Promise<UndoRow[]> {
  const rows: UndoRow[] = [];
  const apiVersion = engine.watcher.status.apiVersion;
  const attempt = async (command: string, call: () => Promise<void>): Promise<boolean> => {
    let row: UndoRow = { command, status: 'done', error: null };
    try {
      await call();
    } catch (err) {
      row = { command, status: 'failed', error: reasonOf(err) };
    }
    rows.push(row);
    tell(row);
    return row.status === 'done';
  };

  const newId = state.newId;
  if (newId) {
    for (const step of [...state.connected].reverse()) {
      await attempt(
        editStepCommand({ kind: 'disconnect', network: plan.after.name, container: step.container, containerId: step.containerId }),
        () => engine.docker.getNetwork(newId).disconnect({ Container: step.containerId, Force: true }),
      );
    }
    await attempt(editStepCommand({ kind: 'remove-network', network: plan.after.name }), () => engine.docker.getNetwork(newId).remove());
  }
  let oldId = state.oldId;
  if (state.removed) {
    const made = await attempt(editStepCommand({ kind: 'create-network', spec: plan.before }), async () => {
      oldId = (await engine.docker.createNetwork(engineBodyOfSpec(plan.before, apiVersion))).id;
    });
    if (!made) return rows;
  }
  // Fixed addresses first (they are theirs whatever the order), then the engine's choices by address, then the rest.
  const fixed = (d: EditState['disconnected'][number]) => !!(d.settings.IPAMConfig?.IPv4Address || d.settings.IPAMConfig?.IPv6Address);
  const order = [...state.disconnected].sort(
    (a, b) => Number(fixed(b)) - Number(fixed(a)) || ipv4Order(a.settings.IPAddress) - ipv4Order(b.settings.IPAddress),
  );
  for (const d of order) {
    const step = rejoinStep(plan.before.name, d, apiVersion, false);
    const joined = await attempt(editStepCommand(step), () =>
      engine.docker.getNetwork(oldId).connect({ Container: d.containerId, EndpointConfig: endpointConfigOf(step) }),
    );
    const was = d.settings.IPAddress;
    if (!joined || fixed(d) || !was) continue;
    const now = (await inspectContainer(engine.docker, d.containerId))?.NetworkSettings?.Networks?.[plan.before.name]?.IPAddress;
    if (now === was) continue;
    // Another address was lower and free: ask for the old one (it is fixed from then on).
    const exact = rejoinStep(plan.before.name, d, apiVersion, true);
    await attempt(
      `${editStepCommand({ kind: 'disconnect', network: plan.before.name, container: d.container, containerId: d.containerId })}  # came back at ${now ?? 'no address'}, not ${was}`,
      () => engine.docker.getNetwork(oldId).disconnect({ Container: d.containerId, Force: true }),
    );
    await attempt(editStepCommand(exact), () =>
      engine.docker.getNetwork(oldId).connect({ Container: d.containerId, EndpointConfig: endpointConfigOf(exact) }),
    );
  }
  return rows;
}
