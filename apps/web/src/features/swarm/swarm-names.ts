import { nodeAt, type OverlayMember, type Topology } from '@bridgeboard/topology';

/** A node as people call it: its hostname, else its address (a worker's topology knows only itself). */
export function nodeName(t: Topology, addr: string): string {
  return nodeAt(t, addr)?.hostname || addr;
}

/**
 * A task's container as `docker service ps` names it: `fx-web.2.<task id>` → `fx-web.2`, since the
 * service and slot say which task and the id is noise on a chip. A global service's tasks are
 * `name.<node id>.<task id>`: they are one per node, so the service name and a node badge say it.
 */
export function taskName(name: string, service: string | null): string {
  if (!service || !name.startsWith(`${service}.`)) return name;
  const [slot = ''] = name.slice(service.length + 1).split('.');
  return /^\d+$/.test(slot) ? `${service}.${slot}` : service;
}

export const memberName = (m: OverlayMember): string => taskName(m.name, m.service);

/** A task container's name ends in its 25-character task id (`service.slot.taskid`). */
const TASK_CONTAINER = /\.[a-z0-9]{25}$/;

/**
 * The swarm service a local container is a task of, from the labels the engine gives task
 * containers; read only for a name shaped like a task's (every chip asks, once per render).
 */
export const serviceOfTask = (c: { name: string; labels: Record<string, string> }): string | null =>
  TASK_CONTAINER.test(c.name) ? (c.labels['com.docker.swarm.service.name'] ?? null) : null;

/**
 * An endpoint of the engine's own rather than a container's: each node's routing-mesh sandbox on
 * `ingress` (`ingress-endpoint`), and a network's load-balancer sandbox (`lb-<network>`). The verbose
 * inspect lists them among the standalone containers.
 */
export function sandboxOf(m: OverlayMember): string | null {
  if (m.service !== null) return null;
  if (m.name === 'ingress-endpoint') return 'routing mesh sandbox';
  return m.name.startsWith('lb-') ? 'load balancer sandbox' : null;
}
