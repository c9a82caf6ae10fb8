import type Docker from 'dockerode';
import type { Engine } from '../fleet/engine.js';
import type { EditStep, EngineEndpointSettings } from '@bridgeboard/topology';
import { engineBodyOfSpec } from './network-body.js';

type ConnectStep = Extract<EditStep, { kind: 'connect' }>;

/** What `docker network connect` sends for a step: each kept thing said explicitly. */
export function endpointConfigOf(step: ConnectStep): Docker.EndpointSettings & { GwPriority?: number } {
  const fixed = { ...(step.ipv4 ? { IPv4Address: step.ipv4 } : {}), ...(step.ipv6 ? { IPv6Address: step.ipv6 } : {}) };
  return {
    ...(step.aliases.length > 0 ? { Aliases: step.aliases } : {}),
    ...(step.links.length > 0 ? { Links: step.links } : {}),
    ...(Object.keys(step.driverOpts).length > 0 ? { DriverOpts: step.driverOpts } : {}),
    ...(Object.keys(fixed).length > 0 ? { IPAMConfig: fixed } : {}),
    ...(step.mac ? { MacAddress: step.mac } : {}),
    ...(step.gwPriority ? { GwPriority: step.gwPriority } : {}),
  };
}

/** Where an edit stands on the engine: what the undo has to take back. */
export interface EditState {
  /** The network as it was; gone once `removed`. */
  oldId: string;
  removed: boolean;
  /** The network made by the edit, once made. */
  newId: string | null;
  /** Containers connected to the new network, in order. */
  connected: ConnectStep[];
  /** Containers taken off the old network, in order, with their settings there (from the plan's inspect). */
  disconnected: { containerId: string; container: string; settings: EngineEndpointSettings }[];
}

/** Runs one step of the plan against the engine, by ids where the engine gave them (a name could match another network's id prefix). */
export async function runEditStep(
  engine: Engine,
  step: EditStep,
  state: EditState,
  settings: Record<string, EngineEndpointSettings>,
): Promise<void> {
  switch (step.kind) {
    case 'disconnect':
      await engine.docker.getNetwork(state.oldId).disconnect({ Container: step.containerId, Force: false });
      state.disconnected.push({ containerId: step.containerId, container: step.container, settings: settings[step.containerId] ?? {} });
      return;
    case 'remove-network':
      await engine.docker.getNetwork(state.oldId).remove();
      state.removed = true;
      return;
    case 'create-network': {
      const made = await engine.docker.createNetwork(engineBodyOfSpec(step.spec, engine.watcher.status.apiVersion));
      state.newId = made.id;
      return;
    }
    case 'connect':
      await engine.docker
        .getNetwork(state.newId ?? step.network)
        .connect({ Container: step.containerId, EndpointConfig: endpointConfigOf(step) });
      state.connected.push(step);
      return;
  }
}
