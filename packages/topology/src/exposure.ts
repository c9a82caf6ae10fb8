import { endpointsOfContainer, own } from './lookup.js';
import { isStackMode } from './rules.js';
import type { Container, Network, PublishedPort, Topology } from './types.js';

/** One `-p/--publish` binding, and who could skip it and use a network instead (article 1.1). */
export interface ExposedPort {
  container: string;
  containerPort: number;
  protocol: PublishedPort['protocol'];
  hostIp: string;
  hostPort: number;
  /** Bound to every host address (`0.0.0.0`, `::` or unset): anyone who can reach the host can connect. */
  everyone: boolean;
  /**
   * Networks whose containers reach this container directly, without the published port: the
   * networks it is on while running, less `enable_icc=false` bridges (there containers cannot talk
   * to each other at all) and the host/none stacks. Sorted by name; empty when it is not running.
   */
  networks: string[];
}

const EVERY_ADDRESS = new Set(['', '0.0.0.0', '::']);
export const ICC_OPTION = 'com.docker.network.bridge.enable_icc';

/** Whether containers on this bridge may talk to each other (`enable_icc=false` forbids it). */
export const allowsIcc = (n: Network): boolean => n.options[ICC_OPTION] !== 'false';

export const publishesToEveryone = (hostIp: string): boolean => EVERY_ADDRESS.has(hostIp);

/** The networks over which other containers reach `c` directly; see `ExposedPort.networks`. */
export function directNetworks(t: Topology, c: Container): string[] {
  if (c.state !== 'running') return [];
  return endpointsOfContainer(t, c.id)
    .map((e) => own(t.networks, e.networkId))
    .filter((n): n is Network => n !== undefined && !isStackMode(n) && allowsIcc(n))
    .map((n) => n.name)
    .sort();
}

export function exposure(t: Topology): ExposedPort[] {
  const out: ExposedPort[] = [];
  for (const c of Object.values(t.containers)) {
    if (c.ports.length === 0) continue;
    const networks = directNetworks(t, c);
    for (const p of c.ports) out.push({ container: c.name, ...p, everyone: publishesToEveryone(p.hostIp), networks: [...networks] });
  }
  return out.sort(
    (a, b) =>
      a.container.localeCompare(b.container) ||
      a.containerPort - b.containerPort ||
      a.protocol.localeCompare(b.protocol) ||
      a.hostIp.localeCompare(b.hostIp) ||
      a.hostPort - b.hostPort,
  );
}
