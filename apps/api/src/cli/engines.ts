import { readFileSync } from 'node:fs';
import {
  ENGINE_HOST_PATTERN,
  ENGINE_ID_PATTERN,
  type EngineBody,
  type EngineSummary,
  type EngineTestResponse,
  type EnginesResponse,
} from '@bridgeboard/contract';
import type { Config } from '../config.js';
import { CliError } from './cli-error.js';
import { printTable } from './print-table.js';
import { hostKeyOfKnownHosts, parseHostKey } from '../fleet/host-key.js';
import {
  DEFAULT_CONTEXT,
  dockerConfigDir,
  endpointOf,
  listDockerContexts,
  readDockerContext,
  userKnownHostKey,
} from './docker-contexts.js';

/**
 * `bridgeboard engines …`: the fleet of a running server (`--url`, else BRIDGEBOARD_URL), as an
 * admin sees it on the Engines page, with an API token from BRIDGEBOARD_TOKEN. Certificates and
 * keys are read here from the files named on the command line and sent in the request body: no
 * secret is ever an argument (the process list and the shell's history would show it).
 */
export interface EngineFlags {
  url?: string;
  host?: string;
  context?: string;
  name?: string;
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
  sshKey?: string;
  sshPassphraseFile?: string;
  /** ssh://: the engine's host key, one line (a public key is no secret: an argument is fine). */
  sshHostKey?: string;
  /** ssh://: a known_hosts file holding the engine's host key. */
  sshKnownHosts?: string;
  dockerConfig?: string;
}

interface Server {
  url: string;
  token: string;
}

/** Checked before anything else is read: the server to ask and the token to ask it with. */
function serverOf(config: Config, flags: { url?: string }): Server {
  const url = flags.url ?? config.BRIDGEBOARD_URL;
  if (!url) throw new CliError('engines: which server? give --url or set BRIDGEBOARD_URL');
  const token = config.BRIDGEBOARD_TOKEN;
  if (!token) throw new CliError("engines: needs an API token in BRIDGEBOARD_TOKEN (an admin's to test, add or remove)");
  return { url, token };
}

async function ask<T>({ url, token }: Server, method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, url), {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new CliError(`cannot reach ${url}: ${(err as Error).message}`);
  }
  if (res.status === 204) return null as T;
  const answer = (await res.json().catch(() => {
    throw new CliError(`${url} answered ${res.status} with something that is not JSON: is it a Bridgeboard server?`);
  })) as T | { message?: string };
  if (!res.ok) throw new CliError(`${url} answered ${res.status}: ${(answer as { message?: string }).message ?? ''}`);
  return answer as T;
}

function checkId(id: string): string {
  if (!new RegExp(ENGINE_ID_PATTERN).test(id)) throw new CliError(`'${id}' is not an engine id (${ENGINE_ID_PATTERN})`);
  return id;
}

function readFile(flag: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw new CliError(`${flag}: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
}

function readPem(flag: string, path: string): string {
  const text = readFile(flag, path);
  if (!/-----BEGIN [A-Z0-9 ]+-----/.test(text)) throw new CliError(`${flag}: ${path} is not a PEM file (no -----BEGIN …----- line)`);
  return text;
}

/** The declaration the flags describe: --host and its files, or --context from the docker CLI's store. */
function bodyOf(config: Config, id: string, flags: EngineFlags): EngineBody {
  checkId(id);
  const tlsFlags = { '--tls-ca': flags.tlsCa, '--tls-cert': flags.tlsCert, '--tls-key': flags.tlsKey };
  const givenTls = Object.entries(tlsFlags).filter(([, v]) => v !== undefined);
  if (flags.host !== undefined && flags.context !== undefined) throw new CliError('give --host or --context, not both');
  if (flags.host === undefined && flags.context === undefined) throw new CliError('give --host <host> or --context <name>');
  if (flags.sshPassphraseFile !== undefined && flags.sshKey === undefined) throw new CliError('--ssh-passphrase-file goes with --ssh-key');
  if (flags.sshHostKey !== undefined && flags.sshKnownHosts !== undefined)
    throw new CliError('give --ssh-host-key or --ssh-known-hosts, not both');
  let endpoint: Pick<EngineBody, 'host' | 'tls'>;
  let name = flags.name;
  let sshHostKey: string | undefined;
  if (flags.context !== undefined) {
    if (givenTls.length)
      throw new CliError(`${givenTls.map(([f]) => f).join(', ')}: a context brings its own TLS files; use --host to give others`);
    const context = readDockerContext(dockerConfigDir(flags.dockerConfig), flags.context, config.DOCKER_HOST);
    endpoint = endpointOf(context);
    if (endpoint.host.startsWith('ssh://') && flags.sshKey === undefined) {
      throw new CliError(
        `context '${context.name}' reaches ${endpoint.host} over ssh, signing in with your ssh agent or ~/.ssh; Docker keeps no key with it: give the key with --ssh-key <file> (and --ssh-passphrase-file <file> if it has a passphrase)`,
      );
    }
    // The docker CLI runs the system's ssh, which checks the host against ~/.ssh/known_hosts: the same key is pinned here.
    if (endpoint.host.startsWith('ssh://') && flags.sshHostKey === undefined && flags.sshKnownHosts === undefined) {
      const known = userKnownHostKey(endpoint.host);
      if (known === null) {
        throw new CliError(
          `context '${context.name}' reaches ${endpoint.host} over ssh, and your ~/.ssh/known_hosts has no key for it: give the host key with --ssh-known-hosts <file> or --ssh-host-key '<line>' (\`bridgeboard engines test\` without one shows the key the host shows)`,
        );
      }
      sshHostKey = known;
    }
    if (context.name !== DEFAULT_CONTEXT) name ??= context.name.slice(0, 64);
  } else {
    const host = flags.host ?? '';
    if (!new RegExp(ENGINE_HOST_PATTERN).test(host))
      throw new CliError(`--host: '${host}' is not unix:///path, tcp://host:port or ssh://user@host`);
    if (givenTls.length && givenTls.length < 3) {
      const missing = Object.keys(tlsFlags).filter((f) => !givenTls.some(([g]) => g === f));
      throw new CliError(`--tls-ca, --tls-cert and --tls-key go together: ${missing.join(' and ')} missing`);
    }
    endpoint = { host };
    if ((flags.sshHostKey !== undefined || flags.sshKnownHosts !== undefined) && !host.startsWith('ssh://'))
      throw new CliError(`--ssh-host-key and --ssh-known-hosts are for ssh:// engines, not ${host}`);
    if (flags.tlsCa !== undefined && flags.tlsCert !== undefined && flags.tlsKey !== undefined) {
      endpoint.tls = {
        ca: readPem('--tls-ca', flags.tlsCa),
        cert: readPem('--tls-cert', flags.tlsCert),
        key: readPem('--tls-key', flags.tlsKey),
      };
    }
  }
  sshHostKey ??= hostKeyOf(endpoint.host, flags);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    ...endpoint,
    ...(flags.sshKey !== undefined
      ? {
          ssh: {
            privateKey: readPem('--ssh-key', flags.sshKey),
            // As the engines file reads it: the line `echo` wrote, without its newline.
            ...(flags.sshPassphraseFile !== undefined
              ? { passphrase: readFile('--ssh-passphrase-file', flags.sshPassphraseFile).trim() }
              : {}),
            ...(sshHostKey !== undefined ? { hostKey: sshHostKey } : {}),
          },
        }
      : {}),
  };
}

/** The host key to pin from --ssh-host-key or --ssh-known-hosts (checked here, so a typo is named before the server is asked). */
function hostKeyOf(host: string, flags: EngineFlags): string | undefined {
  try {
    if (flags.sshHostKey !== undefined) return parseHostKey(flags.sshHostKey).line;
    if (flags.sshKnownHosts === undefined) return undefined;
    const url = new URL(host);
    const text = readFile('--ssh-known-hosts', flags.sshKnownHosts);
    return hostKeyOfKnownHosts(text, url.hostname.replace(/^\[(.*)\]$/, '$1'), Number(url.port || 22)).line;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const flag = flags.sshHostKey !== undefined ? '--ssh-host-key' : `--ssh-known-hosts: ${flags.sshKnownHosts}`;
    throw new CliError(`${flag}: ${(err as Error).message}`);
  }
}

const stateOf = (s: EngineSummary['status']) => (s.reachable ? `reachable (Docker ${s.version ?? '?'})` : 'unreachable');

export async function listEngines(config: Config, flags: { url?: string; json?: boolean }): Promise<void> {
  const answer = await ask<EnginesResponse>(serverOf(config, flags), 'GET', '/api/engines');
  if (flags.json) {
    process.stdout.write(`${JSON.stringify(answer, null, 2)}\n`);
    return;
  }
  printTable([
    ['ID', 'NAME', 'ADDRESS', 'TLS', 'SOURCE', 'STATE'],
    ...answer.engines.map((e) => [e.id, e.name, e.endpoint.address, e.endpoint.tls ? 'yes' : 'no', e.source, stateOf(e.status)]),
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
