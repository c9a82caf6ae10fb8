import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const exec = promisify(execFile);

interface FleetEngine {
  n: number;
  socketPath: string;
}

/** The docker CLI against one engine of scripts/fleet.sh. */
export type DockerOn = (...args: string[]) => Promise<string>;

const cliOn =
  (socketPath: string): DockerOn =>
  async (...args) =>
    (await exec('docker', ['-H', `unix://${socketPath}`, ...args])).stdout.trim();

/** Engines 1..n of scripts/fleet.sh (started if they are not), made a swarm when asked: engine 1 manages it. */
export async function fleetEngines(n: number, { swarm = false } = {}): Promise<{ socketPath: string; cli: DockerOn }[]> {
  await exec('bash', ['scripts/fleet.sh', 'up', String(n)], { timeout: 180_000 });
  if (swarm) await exec('bash', ['scripts/fleet.sh', 'swarm', String(n)], { timeout: 180_000 });
  const engines = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  if (engines.length < n) throw new Error(`scripts/fleet.sh made ${engines.length} engines, not ${n}`);
  return engines.slice(0, n).map((e) => ({ socketPath: e.socketPath, cli: cliOn(e.socketPath) }));
}
