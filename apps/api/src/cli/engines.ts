import type { EngineSummary, EngineTestResponse, EnginesResponse } from '@bridgeboard/contract';
import type { Config } from '../config.js';
import { CliError } from './cli-error.js';
import { dockerConfigDir, listDockerContexts } from './docker-contexts.js';
import { bodyOf, CHANGE_FLAGS, checkId, updateOf, type EngineFlags } from './engine-flags.js';
import { ask, serverOf, type Server } from './engine-server.js';
import { printTable } from './print-table.js';

/**
 * `bridgeboard engines …`: the fleet of a running server (`--url`, else BRIDGEBOARD_URL), as an
 * admin sees it on the Engines page, with an API token from BRIDGEBOARD_TOKEN.
 */
export type { EngineFlags } from './engine-flags.js';

const stateOf = (s: EngineSummary['status']) => (s.reachable ? `reachable (Docker ${s.version ?? '?'})` : 'unreachable');

export async function listEngines(config: Config, flags: { url?: string; json?: boolean }): Promise<void> {
  const answer = await ask<EnginesResponse>(serverOf(config, flags), 'GET', '/api/engines');
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  printEngines(answer.engines);
}

function printEngines(engines: EngineSummary[]): void {
  printTable([
    ['ID', 'NAME', 'ADDRESS', 'TLS', 'SOURCE', 'STATE'],
    ...engines.map((e) => [e.id, e.name, e.endpoint.address, e.endpoint.tls ? 'yes' : 'no', e.source, stateOf(e.status)]),
  ]);
}

export async function testEngine(config: Config, id: string, flags: EngineFlags): Promise<void> {
  const server = serverOf(config, flags);
  const body = bodyOf(config, id, flags);
  const result = await ask<EngineTestResponse>(server, 'POST', '/api/engines/test', body);
  if (result.hostKey) {
    // The key the engine showed: with none pinned, what to compare (ssh-keygen -lf on the engine) and then pin.
    const [type] = result.hostKey.key.split(' ');
    process.stdout.write(`host key: ${result.hostKey.fingerprint} (${type ?? '?'})\n`);
    if (body.ssh?.hostKey === undefined) process.stdout.write(`to pin it: --ssh-host-key '${result.hostKey.key}'\n`);
  }
  if (!result.reachable) throw new CliError(`not reachable: ${result.error ?? 'no reason given'}`);
  process.stdout.write(`reachable: Docker ${result.version ?? '?'} (API ${result.apiVersion ?? '?'}), ${Math.round(result.ms)} ms\n`);
}

export async function addEngine(config: Config, id: string, flags: EngineFlags): Promise<void> {
  const server = serverOf(config, flags);
  const engine = await ask<EngineSummary>(server, 'POST', '/api/engines', bodyOf(config, id, flags));
  // Added even when it does not answer yet, as the server does: its watcher keeps trying.
  const state = engine.status.reachable ? stateOf(engine.status) : 'not reachable yet (the server keeps trying)';
  process.stderr.write(`engine '${engine.id}' (${engine.endpoint.address}${engine.endpoint.tls ? ', TLS' : ''}) added: ${state}\n`);
}

/**
 * The engine as the server has it now. There is no GET /api/engines/:engine: an engine the list
 * lacks is asked for by one of its reads, whose 404 (or 403) is the server's own reason.
 */
async function engineOf(server: Server, id: string): Promise<EngineSummary> {
  const { engines } = await ask<EnginesResponse>(server, 'GET', '/api/engines');
  const engine = engines.find((e) => e.id === id);
  if (engine) return engine;
  await ask<unknown>(server, 'GET', `/api/engines/${id}/topology`);
  throw new CliError(`engine '${id}' was added while this ran: try again`);
}

/** Only what the flags name changes: the host, name and keys left out stay as they are. */
export async function editEngine(config: Config, id: string, flags: EngineFlags): Promise<void> {
  checkId(id);
  const given = Object.entries(CHANGE_FLAGS).filter(([key]) => flags[key as keyof typeof CHANGE_FLAGS] !== undefined);
  if (!given.length) throw new CliError(`engines edit: nothing to change: give one or more of ${Object.values(CHANGE_FLAGS).join(', ')}`);
  const server = serverOf(config, flags);
  const now = await engineOf(server, id);
  printEngines([await ask<EngineSummary>(server, 'PUT', `/api/engines/${id}`, updateOf(config, flags, now))]);
}

export async function removeEngine(config: Config, id: string, flags: { url?: string }): Promise<void> {
  await ask<null>(serverOf(config, flags), 'DELETE', `/api/engines/${checkId(id)}`);
  process.stderr.write(`engine '${id}' removed\n`);
}

/** The contexts `--context` can name; read here, the server is not asked. */
export function listContexts(config: Config, flags: { json?: boolean; dockerConfig?: string }): void {
  const contexts = listDockerContexts(dockerConfigDir(flags.dockerConfig), config.DOCKER_HOST).map((c) => ({
    name: c.name,
    description: c.description,
    host: c.host,
    tls: c.tls['ca.pem'] !== undefined || c.tls['cert.pem'] !== undefined || c.tls['key.pem'] !== undefined,
    skipTlsVerify: c.skipTlsVerify,
  }));
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(contexts, null, 2)}\n`);
    return;
  }
  printTable([
    ['NAME', 'HOST', 'TLS', 'DESCRIPTION'],
    ...contexts.map((c) => [c.name, c.host || '-', c.skipTlsVerify ? 'unverified' : c.tls ? 'yes' : 'no', c.description]),
  ]);
}
