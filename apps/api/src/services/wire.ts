import { readdir, readFile, readlink } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Engine } from '../fleet/engine.js';
import type { WireLink, WireResponse } from '@bridgeboard/contract';
import { endpointsOfContainer, own, type Container } from '@bridgeboard/topology';
import { inspectContainer } from '../engine/engine-reader.js';
import { resolveContainer } from './resolve.js';

export interface WireOptions {
  /** `/proc` and `/sys` as this process sees them (tests may point elsewhere). */
  procRoot?: string;
  sysRoot?: string;
}

async function readText(path: string): Promise<string | null> {
  try {
    return (await readFile(path, 'utf8')).trim();
  } catch {
    return null;
  }
}

/** Host interfaces by ifindex, read from /sys/class/net. */
async function hostInterfaces(sysRoot: string): Promise<Map<number, string>> {
  const byIndex = new Map<number, string>();
  for (const name of await readdir(`${sysRoot}/class/net`)) {
    const index = Number(await readText(`${sysRoot}/class/net/${name}/ifindex`));
    if (Number.isInteger(index)) byIndex.set(index, name);
  }
  return byIndex;
}

/** Why there is no veth pair to show for a container in this mode, or null when there may be. */
function modeReason(container: Container): string | null {
  switch (container.networkMode.kind) {
    case 'host':
      return `${container.name} runs in host mode: it uses the host's own interfaces, there is no veth pair`;
    case 'none':
      return `${container.name} runs with --network none: it has only lo, no veth pair`;
    case 'container':
      return `${container.name} shares another container's network stack: its veth pairs are that container's`;
    default:
      return null;
  }
}

/**
 * The wire under the bridge: for each of the container's interfaces, the host-side veth it is
 * paired with. The container's own sysfs (under /proc/<pid>/root) gives each interface's MAC and
 * `iflink` (the peer's ifindex); the host's /sys/class/net gives the interface with that ifindex,
 * its bridge (`master`) and MTU. Needs the engine's host, as root, in its PID namespace.
 */
export async function wireOf(engine: Engine, ref: string, opts: WireOptions = {}): Promise<WireResponse> {
  const container = await resolveContainer(engine, ref);
  const unavailable = (reason: string): WireResponse => ({ container: container.name, available: false, reason, links: [] });
  if (!engine.local) {
    return unavailable(`engine '${engine.name}' is not this host's local socket: its interfaces cannot be seen from here`);
  }
  const byMode = modeReason(container);
  if (byMode) return unavailable(byMode);
  if (container.state !== 'running') return unavailable(`${container.name} is not running: a stopped container has no veth pairs`);
  const pid = (await inspectContainer(engine.docker, container.id))?.State?.Pid ?? 0;
  if (pid <= 0) return unavailable(`${container.name} has no process: it is not running`);

  const procRoot = opts.procRoot ?? '/proc';
  const sysRoot = opts.sysRoot ?? '/sys';
  const netDir = `${procRoot}/${pid}/root/sys/class/net`;
  let names: string[];
  try {
    names = await readdir(netDir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? 'error';
    return unavailable(
      `cannot read ${netDir} (${code}): Bridgeboard sees veth pairs only when it runs on the engine's host, as root, in the host's PID namespace`,
    );
  }
  const host = await hostInterfaces(sysRoot);
  const t = engine.store.current;
  const networkByMac = new Map(
    endpointsOfContainer(t, container.id)
      .filter((e) => e.mac)
      .map((e) => [e.mac?.toLowerCase() ?? '', own(t.networks, e.networkId)?.name ?? e.networkId]),
  );
  const links: WireLink[] = [];
  for (const name of names.sort()) {
    const ifindex = Number(await readText(`${netDir}/${name}/ifindex`));
    const peerIfindex = Number(await readText(`${netDir}/${name}/iflink`));
    // lo and other unpaired interfaces are their own link.
    if (!Number.isInteger(peerIfindex) || peerIfindex === ifindex) continue;
    // The container's /sys is the container's to shape (a privileged one can mount anything there):
    // only values of the expected form leave this function, never a file's arbitrary contents.
    const address = (await readText(`${netDir}/${name}/address`)) ?? '';
    const mac = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/i.test(address) ? address : '';
    if (!/^[a-zA-Z0-9_.@-]{1,15}$/.test(name)) continue;
    const hostInterface = host.get(peerIfindex) ?? null;
    const master = hostInterface ? await readlink(`${sysRoot}/class/net/${hostInterface}/master`).catch(() => null) : null;
    const mtu = hostInterface ? Number(await readText(`${sysRoot}/class/net/${hostInterface}/mtu`)) : NaN;
    links.push({
      network: networkByMac.get(mac.toLowerCase()) ?? '(unknown)',
      containerInterface: name,
      mac,
      peerIfindex,
      hostInterface,
      bridge: master ? basename(master) : null,
      mtu: Number.isInteger(mtu) ? mtu : null,
    });
  }
  return { container: container.name, available: true, reason: null, links };
}
