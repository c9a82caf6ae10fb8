/** One line of the engine's `/events` stream, reduced to the object it names. */

export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
}

/**
 * What to read again. `gone` (a destroy event) needs no read at all: the engine said the object is
 * no more, and an inspect would only hear 404 — one call saved per removal, which counts under churn.
 */
export type Target =
  | { kind: 'network'; id: string; gone?: true }
  | { kind: 'container'; id: string; expect?: { network: string; attached: boolean }; gone?: true }
  /** A swarm service and its tasks. */
  | { kind: 'service'; id: string }
  /** A swarm-scoped network's endpoints on every node (its verbose inspect). */
  | { kind: 'members'; id: string }
  /** docker_gwbridge's endpoints, which only its own inspect lists. */
  | { kind: 'gateway'; id: string }
  /** The swarm's node list, and all its tasks: one call each, so no id. */
  | { kind: 'nodes'; id: '' }
  | { kind: 'tasks'; id: '' };

// Actions that cannot change what the board shows (exec, health checks, attach, copy…).
const CONTAINER_ACTIONS = new Set([
  'create',
  'start',
  'restart',
  'die',
  'stop',
  'kill',
  'oom',
  'pause',
  'unpause',
  'rename',
  'update',
  'destroy',
]);

export function targetOf(event: EngineEvent): Target | null {
  const id = event.Actor?.ID;
  if (!id) return null;
  if (event.Type === 'network') {
    if (event.Action === 'connect' || event.Action === 'disconnect') {
      const container = event.Actor?.Attributes?.container;
      return container ? { kind: 'container', id: container, expect: { network: id, attached: event.Action === 'connect' } } : null;
    }
    if (event.Action === 'destroy' || event.Action === 'remove') return { kind: 'network', id, gone: true };
    return event.Action === 'create' ? { kind: 'network', id } : null;
  }
  if (event.Type === 'container' && event.Action === 'destroy') return { kind: 'container', id, gone: true };
  if (event.Type === 'container' && event.Action && CONTAINER_ACTIONS.has(event.Action)) return { kind: 'container', id };
  if (event.Type === 'service') return { kind: 'service', id };
  if (event.Type === 'node') return { kind: 'nodes', id: '' };
  return null;
}
