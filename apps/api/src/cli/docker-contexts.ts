import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { Type } from 'typebox';
import { Value } from 'typebox/value';
import { ENGINE_HOST_PATTERN } from '@bridgeboard/contract';
import { hostKeyOfKnownHosts } from '../fleet/host-key.js';
import { CliError } from './cli-error.js';

/**
 * The Docker contexts of the user running the CLI (`docker context ls`), read from the docker CLI's
 * own store, laid out as docker/cli's `cli/context/store` writes it:
 *   <config>/contexts/meta/<sha256 of the name>/meta.json     { Name, Metadata, Endpoints: { docker: { Host, SkipTLSVerify } } }
 *   <config>/contexts/tls/<sha256 of the name>/docker/{ca,cert,key}.pem
 * where <config> is DOCKER_CONFIG, else ~/.docker. `default` is not stored: the CLI makes it from
 * DOCKER_HOST, else the local socket.
 */
export interface DockerContext {
  name: string;
  description: string;
  /** The docker endpoint's `Host`; '' when the context has no docker endpoint. */
  host: string;
  /** The TLS files the context keeps, by file name; the ones it lacks are absent. */
  tls: Partial<Record<TlsFile, string>>;
  /** `docker context create --docker skip-tls-verify=true`: TLS without checking the engine's certificate. */
  skipTlsVerify: boolean;
}

export const DEFAULT_CONTEXT = 'default';
const TLS_FILES = ['ca.pem', 'cert.pem', 'key.pem'] as const;
type TlsFile = (typeof TLS_FILES)[number];

/** meta.json as the docker CLI writes it (json.Marshal of store.Metadata); what else it holds is left alone. */
const Meta = Type.Object({
  Name: Type.String(),
  Metadata: Type.Optional(Type.Union([Type.Object({ Description: Type.Optional(Type.String()) }), Type.Null()])),
  Endpoints: Type.Optional(
    Type.Record(Type.String(), Type.Object({ Host: Type.Optional(Type.String()), SkipTLSVerify: Type.Optional(Type.Boolean()) })),
  ),
});

/** The docker CLI's config directory: `DOCKER_CONFIG` (given by the caller), else ~/.docker. */
export function dockerConfigDir(dockerConfig: string | undefined): string {
  return dockerConfig || join(homedir(), '.docker');
}

/** The directory a context's files are under: the hex sha256 of its name (`digest.FromString(name).Encoded()`). */
export function contextDirName(name: string): string {
  return createHash('sha256').update(name, 'utf8').digest('hex');
}

function defaultContext(dockerHost: string | undefined): DockerContext {
  return {
    name: DEFAULT_CONTEXT,
    description: 'Current DOCKER_HOST based configuration',
    host: dockerHost ?? 'unix:///var/run/docker.sock',
    tls: {},
    skipTlsVerify: false,
  };
}

function readContext(configDir: string, dir: string): DockerContext | null {
  const file = join(configDir, 'contexts', 'meta', dir, 'meta.json');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`${file}: cannot read it: ${(err as Error).message}`);
  }
  if (!Value.Check(Meta, raw)) throw new CliError(`${file}: not a Docker context's meta.json`);
  const docker = raw.Endpoints?.docker;
  const tls: DockerContext['tls'] = {};
  for (const name of TLS_FILES) {
    try {
      tls[name] = readFileSync(join(configDir, 'contexts', 'tls', dir, 'docker', name), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new CliError(`context '${raw.Name}': cannot read ${name}: ${(err as Error).message}`);
    }
  }
  return {
    name: raw.Name,
    description: raw.Metadata?.Description ?? '',
    host: docker?.Host ?? '',
    tls,
    skipTlsVerify: docker?.SkipTLSVerify === true,
  };
}

/** Every context, `default` first, then by name. */
export function listDockerContexts(configDir: string, dockerHost: string | undefined): DockerContext[] {
  let dirs: string[];
  try {
    dirs = readdirSync(join(configDir, 'contexts', 'meta'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new CliError(`${configDir}: cannot list its contexts: ${(err as Error).message}`);
    dirs = [];
  }
  const stored = dirs.map((dir) => readContext(configDir, dir)).filter((c): c is DockerContext => c !== null);
  return [defaultContext(dockerHost), ...stored.sort((a, b) => a.name.localeCompare(b.name))];
}

export function readDockerContext(configDir: string, name: string, dockerHost: string | undefined): DockerContext {
  if (name === DEFAULT_CONTEXT) return defaultContext(dockerHost);
  const context = readContext(configDir, contextDirName(name));
  if (!context || context.name !== name) {
    throw new CliError(
      `--context: no Docker context '${name}' in ${join(configDir, 'contexts')} (\`bridgeboard engines contexts\` lists them)`,
    );
  }
  return context;
}

/**
 * Where a context's engine is and the TLS it needs, as an engine declaration takes them. Refused
 * when Bridgeboard could not reach it as the docker CLI does: without checking the engine's
 * certificate, or with only some of the TLS files (the CLI then falls back to the system's CAs, or
 * to no client certificate; the server takes all three or none).
 */
export function endpointOf(context: DockerContext): { host: string; tls?: { ca: string; cert: string; key: string } } {
  const where = `context '${context.name}'`;
  if (!context.host) throw new CliError(`${where} has no Docker endpoint`);
  if (!new RegExp(ENGINE_HOST_PATTERN).test(context.host)) {
    throw new CliError(
      `${where}: its host '${context.host}' is not one Bridgeboard can reach (unix:///path, tcp://host:port or ssh://user@host); give --host instead`,
    );
  }
  // The docker CLI uses TLS on tcp:// only: a socket needs none, and ssh:// tunnels to the engine's socket.
  if (!context.host.startsWith('tcp://')) return { host: context.host };
  if (context.skipTlsVerify) {
    throw new CliError(
      `${where} skips checking the engine's certificate (skip-tls-verify), which Bridgeboard never does: give --host with --tls-ca, --tls-cert and --tls-key instead`,
    );
  }
  const { 'ca.pem': ca, 'cert.pem': cert, 'key.pem': key } = context.tls;
  if (ca && cert && key) return { host: context.host, tls: { ca, cert, key } };
  const missing = TLS_FILES.filter((f) => context.tls[f] === undefined);
  if (missing.length === TLS_FILES.length) return { host: context.host };
  throw new CliError(
    `${where} keeps TLS files but not ${missing.join(', ')}: Bridgeboard reaches a TLS engine with the CA and a client certificate and key; give --host with --tls-ca, --tls-cert and --tls-key instead`,
  );
}

/**
 * The host key the user's own ssh trusts for an ssh:// context's host (~/.ssh/known_hosts, the
 * file the docker CLI's ssh checks it against), or null when that file has no line for it. Only a
 * line naming the host counts here: another host's only key is not this one's.
 */
export function userKnownHostKey(host: string, home = homedir()): string | null {
  let text: string;
  try {
    text = readFileSync(join(home, '.ssh', 'known_hosts'), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new CliError(`~/.ssh/known_hosts: cannot read it: ${(err as Error).message}`);
  }
  const url = new URL(host);
  const name = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const port = Number(url.port || 22);
  try {
    return hostKeyOfKnownHosts(text, name, port, { namedOnly: true }).line;
  } catch {
    return null;
  }
}
