import Docker from 'dockerode';
import { DEFAULT_ENGINE_ID, ENGINE_ID_PATTERN, type Snapshot } from '@bridgeboard/contract';
import { fromEngine, own } from '@bridgeboard/topology';
import { engineConnection, type Config } from '../config.js';
import { listAll } from '../engine/engine-reader.js';
import { CliError } from './cli-error.js';

/** From a running server (what its boards show), or read from the engine now (one list, as the server's first). */
async function snapshotOf(config: Config, url: string | undefined, token: string | undefined, engine: string): Promise<Snapshot> {
  if (!url) {
    const docker = new Docker(engineConnection(config));
    try {
      const { networks, containers } = await listAll(docker);
      const topology = fromEngine(networks, containers);
      return { engine: DEFAULT_ENGINE_ID, rev: topology.rev, topology };
    } catch (err) {
      throw new CliError(
        `cannot read the Docker engine (${config.DOCKER_HOST ?? 'unix:///var/run/docker.sock'}): ${(err as Error).message}`,
      );
    }
  }
  if (!token) throw new CliError('--url needs an API token in BRIDGEBOARD_TOKEN');
  if (!new RegExp(ENGINE_ID_PATTERN).test(engine)) throw new CliError(`--engine: '${engine}' is not an engine id (${ENGINE_ID_PATTERN})`);
  let res: Response;
  try {
    res = await fetch(new URL(`/api/engines/${engine}/topology`, url), { headers: { authorization: `Bearer ${token}` } });
  } catch (err) {
    throw new CliError(`cannot reach ${url}: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => {
    throw new CliError(`${url} answered ${res.status} with something that is not JSON: is it a Bridgeboard server?`);
  })) as Snapshot | { message?: string };
  if (!res.ok) throw new CliError(`${url} answered ${res.status}: ${'message' in body ? (body.message ?? '') : ''}`);
  return body as Snapshot;
}

export async function printTopology(config: Config, opts: { json?: boolean; url?: string; engine?: string }): Promise<void> {
  const snapshot = await snapshotOf(config, opts.url ?? config.BRIDGEBOARD_URL, config.BRIDGEBOARD_TOKEN, opts.engine ?? DEFAULT_ENGINE_ID);
  if (opts.json) {
    process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
    return;
  }
  const { networks, containers, endpoints } = snapshot.topology;
  for (const network of Object.values(networks).sort((a, b) => a.name.localeCompare(b.name))) {
    const members = Object.values(endpoints)
      .filter((e) => e.networkId === network.id)
      .map((e) => own(containers, e.containerId)?.name ?? e.containerId)
      .sort();
    const subnets = network.ipam.config.map((c) => c.subnet).join(', ') || '-';
    process.stdout.write(`${network.name}  ${network.driver}  ${subnets}  ${members.length ? members.join(', ') : '(no containers)'}\n`);
  }
}
