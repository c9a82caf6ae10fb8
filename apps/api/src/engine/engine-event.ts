/** One line of the engine's `/events` stream, reduced to the object it names. */

export interface EngineEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
  timeNano?: number;
}

export type Target =
  | { kind: 'network'; id: string }
  | { kind: 'container'; id: string; expect?: { network: string; attached: boolean } }
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
    return event.Action === 'create' || event.Action === 'destroy' || event.Action === 'remove' ? { kind: 'network', id } : null;
  }
  if (event.Type === 'container' && event.Action && CONTAINER_ACTIONS.has(event.Action)) return { kind: 'container', id };
  if (event.Type === 'service') return { kind: 'service', id };
  if (event.Type === 'node') return { kind: 'nodes', id: '' };
  return null;
}
