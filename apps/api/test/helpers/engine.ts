import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const TEST_IMAGE = 'bridgeboard/busybox:offline';

/** Runs the docker CLI against the same engine the app uses; returns trimmed stdout. */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** The docker CLI against another engine (`unix:///…`, `tcp://…`): `-H` wins over DOCKER_HOST and contexts. */
export function dockerOn(host: string): (...args: string[]) => Promise<string> {
  return async (...args) => {
    const { stdout } = await run('docker', ['-H', host, ...args], { maxBuffer: 64 * 1024 * 1024 });
    return stdout.trim();
  };
}

/** A unique prefix per test file, so objects are easy to tell apart and clean up. */
export function namespace(label: string): string {
  return `bbt-${label}-${randomBytes(3).toString('hex')}`;
}

/** Removes every container and network whose name starts with `prefix`. */
export async function cleanup(prefix: string): Promise<void> {
  const containers = (await docker('ps', '-aq', '--filter', `name=^${prefix}`)).split('\n').filter(Boolean);
  if (containers.length) await docker('rm', '-f', ...containers);
  const networks = (await docker('network', 'ls', '-q', '--filter', `name=^${prefix}`)).split('\n').filter(Boolean);
  if (networks.length) await docker('network', 'rm', ...networks);
}

/** `docker network inspect`, parsed. */
export async function inspectNetwork(ref: string): Promise<EngineNetworkInspect> {
  return (JSON.parse(await docker('network', 'inspect', ref)) as EngineNetworkInspect[])[0] as EngineNetworkInspect;
}

export interface EngineNetworkInspect {
  Id: string;
  Name: string;
  Driver: string;
  IPAM: { Config: { Subnet: string; Gateway?: string }[] | null };
  Containers: Record<string, { Name: string; IPv4Address: string; IPv6Address: string; MacAddress: string; EndpointID: string }>;
  Options: Record<string, string>;
}

/** Everything the engine holds, for "nothing changed" assertions: networks with their endpoints, and containers. */
export async function engineState(): Promise<string> {
  const ids = (await docker('network', 'ls', '-q')).split('\n').filter(Boolean);
  const networks = ids.length ? (JSON.parse(await docker('network', 'inspect', ...ids)) as EngineNetworkInspect[]) : [];
  const containers = await docker('ps', '-a', '--format', '{{.ID}} {{.Names}} {{.Networks}}');
  return JSON.stringify({
    networks: networks
      .map((n) => ({ id: n.Id, name: n.Name, config: n.IPAM.Config, options: n.Options, endpoints: Object.keys(n.Containers).sort() }))
      .sort((a, b) => a.id.localeCompare(b.id)),
    containers: containers.split('\n').sort(),
  });
}

/** Starts a long-running container from the offline image. */
export async function runContainer(name: string, ...args: string[]): Promise<string> {
  return docker('run', '-d', '--init', '--name', name, ...args, TEST_IMAGE, 'sleep', '1000000000');
}
