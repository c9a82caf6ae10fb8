import { findEndpoint } from './lookup.js';
import type { Container, Network, Topology } from './types.js';

/**
 * Why the engine would refuse to connect this container to this network, in the article's
 * terms; null when it can. The API refuses with this before calling the engine, and the board
 * refuses a drop with it while the user is still hovering.
 */
export function connectRefusal(t: Topology, network: Network, container: Container): string | null {
  if (isStackMode(network)) {
    return `'${network.name}' is Docker's ${network.name} mode: a container gets it only when created (--network ${network.name})`;
  }
  const mode = container.networkMode;
  if (mode.kind === 'host' || mode.kind === 'none') {
    return `'${container.name}' runs in ${mode.kind} mode and cannot join other networks; re-create it on a bridge`;
  }
  if (mode.kind === 'container') {
    return `'${container.name}' shares another container's network stack (container: mode) and cannot join networks itself`;
  }
  if (findEndpoint(t, network.id, container.id)) {
    return `'${container.name}' is already connected to '${network.name}'`;
  }
  return null;
}

/** `host` and `none` are modes a container is created in, not networks one can join or leave. */
export function isStackMode(n: Network): boolean {
  return n.driver === 'host' || n.driver === 'null';
}
