/**
 * The engine's own word, through the docker CLI: what the tests compare the board against, and
 * how they change the engine behind the app's back. Everything a test makes is named `bbe2e-…`.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';

export const IMAGE = process.env.BRIDGEBOARD_TEST_IMAGE ?? 'bridgeboard/busybox:offline';
/** Every container and network the end-to-end tests make starts with this. */
export const PREFIX = 'bbe2e-';

export interface DockerResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `docker …`; never throws, the caller reads the code. */
export function tryDocker(...args: string[]): Promise<DockerResult> {
  return new Promise((resolve) => {
    execFile('docker', args, { timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout: stdout.trim(), stderr: stderr.trim() });
    });
  });
}

/** Runs `docker …` and returns its output; a failure throws with the engine's message. */
export async function docker(...args: string[]): Promise<string> {
  const r = await tryDocker(...args);
  if (r.code !== 0) throw new Error(`docker ${args.join(' ')} failed (${r.code}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** A running container on the default bridge, the way the article makes them. */
export async function runContainer(name: string, ...options: string[]): Promise<string> {
  return docker('run', '-d', '--init', '--name', name, ...options, IMAGE, 'sleep', '1000000000');
}

export interface NetworkInspect {
  Name: string;
  Id: string;
  Driver: string;
  IPAM: { Config: { Subnet?: string; Gateway?: string; IPRange?: string }[] | null };
  Options: Record<string, string> | null;
  Containers: Record<string, { Name: string; IPv4Address: string }> | null;
}

/** `docker network inspect`, or null when the engine has no such network. */
export async function inspectNetwork(name: string): Promise<NetworkInspect | null> {
  const r = await tryDocker('network', 'inspect', name);
  if (r.code !== 0) {
    if (/no such network|not found/i.test(r.stderr)) return null;
    throw new Error(`docker network inspect ${name} failed: ${r.stderr}`);
  }
  const [network] = JSON.parse(r.stdout) as NetworkInspect[];
  return network ?? null;
}

/** Names of the containers attached to a network, sorted; null when the network does not exist. */
export async function containersOn(network: string): Promise<string[] | null> {
  const n = await inspectNetwork(network);
  if (!n) return null;
  return Object.values(n.Containers ?? {})
    .map((c) => c.Name)
    .sort();
}

/** The container's IPv4 address on the network (no prefix length), or null when not attached. */
export async function addressOn(network: string, container: string): Promise<string | null> {
  const n = await inspectNetwork(network);
  const c = Object.values(n?.Containers ?? {}).find((x) => x.Name === container);
  return c ? (c.IPv4Address.split('/')[0] ?? null) : null;
}

export const containerId = (name: string) => docker('container', 'inspect', '--format', '{{.Id}}', name);
export const networkId = (name: string) => docker('network', 'inspect', '--format', '{{.Id}}', name);

/**
 * A free IPv4 /24 for a test network, from 10.231.0.0/16 (far from Docker's default pools and
 * from the browser namespace's 10.254.77.0/30); retried by `createNetwork` on overlap.
 */
export function randomSubnet(): { subnet: string; gateway: string; host: (n: number) => string } {
  const octet = randomBytes(1)[0] ?? 0;
  const base = `10.231.${octet}`;
  return { subnet: `${base}.0/24`, gateway: `${base}.1`, host: (n: number) => `${base}.${n}` };
}

/** `docker network create` with a subnet of its own; returns the subnet it got. */
export async function createNetwork(name: string, ...options: string[]): Promise<ReturnType<typeof randomSubnet>> {
  for (let attempt = 0; ; attempt++) {
    const s = randomSubnet();
    const r = await tryDocker('network', 'create', '--subnet', s.subnet, '--gateway', s.gateway, ...options, name);
    if (r.code === 0) return s;
    if (!/overlap/i.test(r.stderr) || attempt >= 20) throw new Error(`docker network create ${name} failed: ${r.stderr}`);
  }
}

/** Removes every container, then every network, whose name starts with `prefix` (default: all of the tests'). */
export async function removeByPrefix(prefix: string = PREFIX): Promise<void> {
  if (!prefix.startsWith(PREFIX)) throw new Error(`refusing to clean up '${prefix}': not a test prefix`);
  const containers = (await docker('ps', '-a', '--format', '{{.Names}}')).split('\n').filter((n) => n.startsWith(prefix));
  if (containers.length > 0) await tryDocker('rm', '-f', ...containers);
  const networks = (await docker('network', 'ls', '--format', '{{.Name}}')).split('\n').filter((n) => n.startsWith(prefix));
  for (const n of networks) {
    const r = await tryDocker('network', 'rm', n);
    if (r.code !== 0 && !/no such network|not found/i.test(r.stderr)) throw new Error(`could not remove network ${n}: ${r.stderr}`);
  }
}
