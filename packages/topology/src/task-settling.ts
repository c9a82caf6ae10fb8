import { own } from './lookup.js';
import type { SwarmTask, Topology } from './types.js';

/** Task states on the way to `running`, in the order swarmkit moves a task through them. */
const ON_THE_WAY = new Set(['new', 'allocated', 'pending', 'assigned', 'accepted', 'preparing', 'ready', 'starting']);

/**
 * Whether a task is still moving towards what its service wants of it. The engine emits no event
 * when a task's state changes (the worker reports it to the manager), so a watcher that saw one
 * in transit has to look again.
 */
export function inTransit(task: SwarmTask): boolean {
  if (task.desiredState === 'running') return ON_THE_WAY.has(task.state);
  if (task.desiredState === 'shutdown' || task.desiredState === 'remove') return task.state === 'running' || ON_THE_WAY.has(task.state);
  return false;
}

/** Ids of the services with a task in transit, each once, in a stable order. */
export function servicesInTransit(t: Topology): string[] {
  const ids = new Set<string>();
  for (const task of Object.values(t.tasks)) if (inTransit(task) && own(t.services, task.serviceId)) ids.add(task.serviceId);
  return [...ids].sort();
}
