import { connectCommand, createCommand, disconnectCommand, shellQuote } from '../network-commands.js';
import type { EditEndpoint, EditStep } from './edit-types.js';
import type { KeptEndpoint } from './endpoint-keep.js';

/**
 * The steps of a re-make: every endpoint off, the network removed, made again as asked, every
 * endpoint back. Running containers go first and come back first, so each is off for the same
 * number of steps and the stopped ones (no traffic to lose) wait at the end.
 */
export function editSteps(oldName: string, target: EditStep & { kind: 'create-network' }, kept: readonly KeptEndpoint[]): EditStep[] {
  return [
    ...kept.map((k): EditStep => ({
      kind: 'disconnect',
      network: oldName,
      container: k.endpoint.container,
      containerId: k.endpoint.containerId,
    })),
    { kind: 'remove-network', network: oldName },
    target,
    ...kept.map((k): EditStep => ({
      kind: 'connect',
      network: target.spec.name,
      container: k.endpoint.container,
      containerId: k.endpoint.containerId,
      ...k.connect,
    })),
  ];
}

/** Running first, then stopped; by name within each. */
export const stepOrder = (a: EditEndpoint, b: EditEndpoint): number =>
  Number(b.running) - Number(a.running) || (a.container < b.container ? -1 : a.container > b.container ? 1 : 0);

/** The docker CLI command one step stands for. */
export function editStepCommand(step: EditStep): string {
  switch (step.kind) {
    case 'disconnect':
      return disconnectCommand(step.network, step.container);
    case 'remove-network':
      return `docker network rm ${step.network.startsWith('-') ? '-- ' : ''}${shellQuote(step.network)}`;
    case 'create-network':
      return createCommand(step.spec);
    case 'connect':
      return connectCommand(step.network, step.container, {
        aliases: step.aliases,
        ipv4: step.ipv4,
        ipv6: step.ipv6,
        links: step.links,
        driverOpts: step.driverOpts,
        mac: step.mac,
        gwPriority: step.gwPriority,
      });
  }
}
