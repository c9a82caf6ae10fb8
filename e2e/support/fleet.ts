import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import type { APIRequestContext } from '@playwright/test';
import { adminAuthorization } from './accounts';
import { IMAGE } from './docker';
import type { Names } from './fixtures';

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
export interface FleetCli {
  socketPath: string;
  cli: DockerOn;
}

export async function fleetEngines(n: number, { swarm = false } = {}): Promise<FleetCli[]> {
  await exec('bash', ['scripts/fleet.sh', 'up', String(n)], { timeout: 180_000 });
  if (swarm) await exec('bash', ['scripts/fleet.sh', 'swarm', String(n)], { timeout: 180_000 });
  const engines = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  if (engines.length < n) throw new Error(`scripts/fleet.sh made ${engines.length} engines, not ${n}`);
  return engines.slice(0, n).map((e) => ({ socketPath: e.socketPath, cli: cliOn(e.socketPath) }));
}

/**
 * The two-node swarm with both engines added to Bridgeboard (ids `m-…` and `w-…`), and on it an
 * attachable overlay (explicit subnet: the swarm's pool runs out) with container `a` on the manager
 * and `b` on the worker. `remove` undoes it all, whatever else the test made there.
 */
export async function swarmOnBoard(
  request: APIRequestContext,
  names: Names,
  subnet: string,
): Promise<{
  one: FleetCli;
  two: FleetCli;
  manager: string;
  worker: string;
  overlay: string;
  a: string;
  b: string;
  remove(): Promise<void>;
}> {
  const [one, two] = await fleetEngines(2, { swarm: true });
  if (!one || !two) throw new Error('scripts/fleet.sh made no swarm');
  const [manager, worker] = [`m-${names.prefix.slice(-6)}`, `w-${names.prefix.slice(-6)}`];
  const [overlay, a, b] = [names.of('ov'), names.of('a'), names.of('b')];
  await one.cli('network', 'create', '-d', 'overlay', '--attachable', '--subnet', subnet, overlay);
  await one.cli('run', '-d', '--name', a, '--network', overlay, IMAGE, 'sleep', '600');
  await two.cli('run', '-d', '--name', b, '--network', overlay, IMAGE, 'sleep', '600');
  for (const [id, engine] of [
    [manager, one],
    [worker, two],
  ] as const) {
    const added = await request.post('/api/engines', { data: { id, host: `unix://${engine.socketPath}` }, headers: adminAuthorization() });
    if (added.status() !== 201) throw new Error(`adding engine ${id} answered ${added.status()}`);
  }
  const remove = async () => {
    for (const id of [manager, worker]) await request.delete(`/api/engines/${id}`, { headers: adminAuthorization() });
    for (const engine of [one, two]) {
      const services = (await engine.cli('service', 'ls', '-q', '--filter', `name=${names.prefix}`).catch(() => ''))
        .split('\n')
        .filter(Boolean);
      if (services.length) await engine.cli('service', 'rm', ...services).catch(() => '');
      const ids = (await engine.cli('ps', '-aq', '--filter', `name=^${names.prefix}`)).split('\n').filter(Boolean);
      if (ids.length) await engine.cli('rm', '-f', ...ids).catch(() => '');
    }
    // A service's endpoints leave a moment after it: until then the overlay is in use.
    for (
      let i = 0;
      i < 20 &&
      (await one.cli('network', 'rm', overlay).then(
        () => false,
        () => true,
      ));
      i++
    )
      await new Promise((r) => setTimeout(r, 500));
  };
  return { one, two, manager, worker, overlay, a, b, remove };
}
