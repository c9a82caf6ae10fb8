import { readFileSync } from 'node:fs';
import { ENGINE_HOST_PATTERN, ENGINE_ID_PATTERN, type EngineBody, type EngineSummary, type EngineUpdateBody } from '@bridgeboard/contract';
import type { Config } from '../config.js';
import { hostKeyOfKnownHosts, parseHostKey } from '../fleet/host-key.js';
import { CliError } from './cli-error.js';
import { DEFAULT_CONTEXT, dockerConfigDir, endpointOf, readDockerContext, userKnownHostKey } from './docker-contexts.js';

/**
 * The flags of `engines test|add|edit` made into a declaration. Certificates and keys are read here
 * from the files the flags name and sent in the request body: no secret is ever an argument (the
 * process list and the shell's history would show it).
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

/** The flags that change an engine, as `engines edit` names them when none is given. */
export const CHANGE_FLAGS = {
  name: '--name',
  host: '--host',
  context: '--context',
  tlsCa: '--tls-ca',
  tlsCert: '--tls-cert',
  tlsKey: '--tls-key',
  sshKey: '--ssh-key',
  sshPassphraseFile: '--ssh-passphrase-file',
  sshHostKey: '--ssh-host-key',
  sshKnownHosts: '--ssh-known-hosts',
} as const satisfies Partial<Record<keyof EngineFlags, string>>;

export function checkId(id: string): string {
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

/** Host and port, as the server compares them: the pinned host key stays while they do. */
const machineOf = (host: string) => new URL(host).host;

interface Declaration {
  host: string;
  tls?: NonNullable<EngineBody['tls']>;
  ssh: NonNullable<EngineUpdateBody['ssh']>;
  /** The context it came from, when --context named one. */
  context?: string;
}

/**
 * Where the flags say an engine is and how to sign in to it: --host and its files, or --context
 * from the docker CLI's store. `now` is the engine being edited: its host stands when no other is
 * given, and what the server keeps of it (keys while the scheme stays, the host key while the
 * machine does) need not be given again.
 */
function declarationOf(config: Config, flags: EngineFlags, now?: EngineSummary): Declaration {
  const tlsFlags = { '--tls-ca': flags.tlsCa, '--tls-cert': flags.tlsCert, '--tls-key': flags.tlsKey };
  const givenTls = Object.entries(tlsFlags).filter(([, v]) => v !== undefined);
  if (flags.host !== undefined && flags.context !== undefined) throw new CliError('give --host or --context, not both');
  if (flags.host === undefined && flags.context === undefined && !now) throw new CliError('give --host <host> or --context <name>');
  if (flags.sshHostKey !== undefined && flags.sshKnownHosts !== undefined)
    throw new CliError('give --ssh-host-key or --ssh-known-hosts, not both');
  const keptSsh = now?.endpoint.kind === 'ssh';
  let endpoint: Pick<Declaration, 'host' | 'tls'>;
  let hostKey: string | undefined;
  let contextName: string | undefined;
  if (flags.context !== undefined) {
    if (givenTls.length)
      throw new CliError(`${givenTls.map(([f]) => f).join(', ')}: a context brings its own TLS files; use --host to give others`);
    const context = readDockerContext(dockerConfigDir(flags.dockerConfig), flags.context, config.DOCKER_HOST);
    endpoint = endpointOf(context);
    // An edit keeps the stored certificates when none are sent: a context without them would not be what it says.
    if (now?.endpoint.tls && endpoint.host.startsWith('tcp://') && !endpoint.tls) {
      throw new CliError(
        `context '${context.name}' reaches ${endpoint.host} without TLS, and engine '${now.id}' keeps its certificates when none are given: remove it and add it again to drop them`,
      );
    }
    if (endpoint.host.startsWith('ssh://') && flags.sshKey === undefined && !keptSsh) {
      throw new CliError(
        `context '${context.name}' reaches ${endpoint.host} over ssh, signing in with your ssh agent or ~/.ssh; Docker keeps no key with it: give the key with --ssh-key <file> (and --ssh-passphrase-file <file> if it has a passphrase)`,
      );
    }
    // The docker CLI runs the system's ssh, which checks the host against ~/.ssh/known_hosts: the same key is pinned here.
    if (endpoint.host.startsWith('ssh://') && flags.sshHostKey === undefined && flags.sshKnownHosts === undefined) {
      const known = userKnownHostKey(endpoint.host);
      if (known === null && !(keptSsh && machineOf(now.endpoint.address) === machineOf(endpoint.host))) {
        throw new CliError(
          `context '${context.name}' reaches ${endpoint.host} over ssh, and your ~/.ssh/known_hosts has no key for it: give the host key with --ssh-known-hosts <file> or --ssh-host-key '<line>' (\`bridgeboard engines test\` without one shows the key the host shows)`,
        );
      }
      hostKey = known ?? undefined;
    }
    contextName = context.name;
  } else {
    const host = flags.host ?? now?.endpoint.address ?? '';
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
  // Alone, a passphrase is for the key the engine keeps (one that was typed wrong, say); the server drops it otherwise.
  if (flags.sshPassphraseFile !== undefined && flags.sshKey === undefined && !(keptSsh && endpoint.host.startsWith('ssh://')))
    throw new CliError('--ssh-passphrase-file goes with --ssh-key');
  hostKey ??= hostKeyOf(endpoint.host, flags);
  return {
    ...endpoint,
    ...(contextName !== undefined ? { context: contextName } : {}),
    ssh: {
      ...(flags.sshKey !== undefined ? { privateKey: readPem('--ssh-key', flags.sshKey) } : {}),
      // As the engines file reads it: the line `echo` wrote, without its newline.
      ...(flags.sshPassphraseFile !== undefined ? { passphrase: readFile('--ssh-passphrase-file', flags.sshPassphraseFile).trim() } : {}),
      ...(hostKey !== undefined ? { hostKey } : {}),
    },
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

/** A whole declaration, to test or add: --host or --context, and every key it needs. */
export function bodyOf(config: Config, id: string, flags: EngineFlags): EngineBody {
  checkId(id);
  const { host, tls, ssh, context } = declarationOf(config, flags);
  const name = flags.name ?? (context !== undefined && context !== DEFAULT_CONTEXT ? context.slice(0, 64) : undefined);
  return {
    id,
    ...(name !== undefined ? { name } : {}),
    host,
    ...(tls ? { tls } : {}),
    ...(ssh.privateKey !== undefined ? { ssh: { ...ssh, privateKey: ssh.privateKey } } : {}),
  };
}

/**
 * An edit of engine `now` (PUT /api/engines/:engine): what the flags change over what it has. The
 * server keeps the keys left out, but takes a name left out as none: the present one is sent again.
 */
export function updateOf(config: Config, flags: EngineFlags, now: EngineSummary): EngineUpdateBody {
  const { host, tls, ssh } = declarationOf(config, flags, now);
  const name = flags.name ?? (now.name !== now.id ? now.name : undefined);
  return {
    ...(name !== undefined ? { name } : {}),
    host,
    ...(tls ? { tls } : {}),
    ...(Object.keys(ssh).length ? { ssh } : {}),
  };
}
