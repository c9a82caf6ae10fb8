import type Docker from 'dockerode';
import type { EngineContainer, EngineEndpointSettings } from '@bridgeboard/topology';

/**
 * The last inspect of each container, cut down to what the topology reads, so that a relist after a
 * reconnect inspects only the containers that changed while the stream was down: the container list
 * (one call) says enough to tell, but not enough to build from (it lacks aliases and links).
 *
 * A container is reused only when everything the list shows agrees with the inspect held: name,
 * state, labels, network mode, ports, and on every network its endpoint id, address and MAC. An
 * endpoint id changes with every connect and every start, so aliases and links, which only an
 * inspect shows, cannot have changed behind an equal one. A container with a configured endpoint
 * but none live (created or stopped: endpoint id empty) could have been reconnected with other
 * aliases and the list would not tell: it is always inspected again.
 */
export class KnownContainers {
  #byId = new Map<string, { key: string; container: EngineContainer }>();

  remember(raw: EngineContainer): void {
    const container = trimContainer(raw);
    this.#byId.set(raw.Id, { key: inspectedKey(container), container });
  }

  forget(id: string): void {
    this.#byId.delete(id);
  }

  /** Holds exactly these (a relist's result): anything else is gone. */
  replace(all: EngineContainer[]): void {
    this.#byId.clear();
    for (const c of all) this.remember(c);
  }

  /** The inspect held for this listed container, when the list shows nothing it would change; else undefined. */
  reusable(listed: Docker.ContainerInfo): EngineContainer | undefined {
    const known = this.#byId.get(listed.Id);
    return known && reusableKey(listed) && known.key === listedKey(listed) ? known.container : undefined;
  }

  get size(): number {
    return this.#byId.size;
  }
}

/** Only what `fromEngine` reads: an inspect's environment, mounts and graph driver data are most of its size. */
export function trimContainer(raw: EngineContainer): EngineContainer {
  return {
    Id: raw.Id,
    Name: raw.Name,
    Created: raw.Created,
    Config: raw.Config ? { Image: raw.Config.Image, Labels: raw.Config.Labels } : raw.Config,
    State: raw.State ? { Status: raw.State.Status, Pid: raw.State.Pid } : raw.State,
    HostConfig: raw.HostConfig
      ? { NetworkMode: raw.HostConfig.NetworkMode, Links: raw.HostConfig.Links, Privileged: raw.HostConfig.Privileged }
      : raw.HostConfig,
    NetworkSettings: raw.NetworkSettings
      ? { Networks: raw.NetworkSettings.Networks, Ports: raw.NetworkSettings.Ports }
      : raw.NetworkSettings,
  };
}

const endpointKey = (name: string, s: EngineEndpointSettings) =>
  [name, s.NetworkID ?? '', s.EndpointID ?? '', s.IPAddress ?? '', s.MacAddress ?? '', s.IPAMConfig?.IPv4Address ?? ''].join('|');

function keyOf(parts: {
  name: string;
  state: string;
  labels: Record<string, string> | null | undefined;
  mode: string;
  ports: string[];
  networks: [string, EngineEndpointSettings][];
}): string {
  return JSON.stringify([
    parts.name,
    parts.state,
    Object.entries(parts.labels ?? {}).sort(([a], [b]) => a.localeCompare(b)),
    parts.mode,
    parts.ports.sort(),
    parts.networks.map(([name, s]) => endpointKey(name, s)).sort(),
  ]);
}

/** What the list shows of a container, in a form an inspect can be compared with. */
export function listedKey(c: Docker.ContainerInfo): string {
  return keyOf({
    name: c.Names[0] ?? '',
    state: c.State,
    labels: c.Labels,
    mode: c.HostConfig.NetworkMode,
    ports: c.Ports.map((p) => (p.PublicPort ? `${p.PrivatePort}/${p.Type}>${p.IP}:${p.PublicPort}` : `${p.PrivatePort}/${p.Type}`)),
    networks: Object.entries(c.NetworkSettings.Networks as Record<string, EngineEndpointSettings>),
  });
}

/** The same, from an inspect. */
export function inspectedKey(c: EngineContainer): string {
  const ports = Object.entries(c.NetworkSettings?.Ports ?? {}).flatMap(([port, bindings]) =>
    bindings?.length ? bindings.map((b) => `${port}>${b.HostIp}:${b.HostPort}`) : [port],
  );
  return keyOf({
    name: c.Name,
    state: c.State?.Status ?? '',
    labels: c.Config?.Labels,
    mode: c.HostConfig?.NetworkMode ?? '',
    ports,
    networks: Object.entries(c.NetworkSettings?.Networks ?? {}),
  });
}

/** Whether the list can vouch for this container at all: every endpoint it has is live. */
function reusableKey(c: Docker.ContainerInfo): boolean {
  return Object.values(c.NetworkSettings.Networks as Record<string, EngineEndpointSettings>).every((s) => !!s.EndpointID);
}
