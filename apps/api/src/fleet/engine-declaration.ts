import { DEFAULT_ENGINE_ID, type EngineBody, type EngineSummary } from '@bridgeboard/contract';
import { BridgeboardError } from '../errors.js';
import type { EngineConnection } from './engine-client.js';
import type { EngineSpec } from './engine.js';
import { HostKeyCheck } from './host-key-check.js';
import { parseHostKey, type HostKey } from './host-key.js';

export interface SpecOptions {
  /**
   * An ssh:// engine must come with its host key (adding one: no trust on first use). Left false
   * (a test, an engine stored before keys were pinned), an engine without one is still never
   * trusted: every connection is refused at the handshake, saying which key it showed.
   */
  requireHostKey?: boolean;
}

/**
 * An engine as it is declared (the API, the CLI, the engines file), made into what the fleet runs:
 * dockerode's connection options and the summary anyone may read. The secrets go into the
 * connection only; the summary says how the engine is reached, never with what.
 */
export function specOf(body: EngineBody, source: EngineSummary['source'], options: SpecOptions = {}): EngineSpec {
  if (body.id === DEFAULT_ENGINE_ID && source !== 'environment') {
    throw new BridgeboardError(
      'invalid',
      `id: '${DEFAULT_ENGINE_ID}' is the engine the server starts with (DOCKER_HOST); choose another id`,
    );
  }
  const url = new URL(body.host);
  const scheme = url.protocol.slice(0, -1);
  if (body.tls && scheme !== 'tcp') throw new BridgeboardError('invalid', `tls: certificates are for tcp:// engines, not ${scheme}://`);
  if (body.ssh && scheme !== 'ssh') throw new BridgeboardError('invalid', `ssh: a key is for ssh:// engines, not ${scheme}://`);
  const base = { id: body.id, name: body.name ?? body.id, source, local: false };
  if (scheme === 'unix') {
    const socketPath = decodeURIComponent(url.pathname);
    return { ...base, connection: { socketPath }, endpoint: { kind: 'socket', address: `unix://${socketPath}`, tls: false } };
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (scheme === 'tcp') {
    const tls = body.tls;
    const port = Number(url.port || (tls ? 2376 : 2375));
    const connection: EngineConnection = tls
      ? { protocol: 'https', host, port, ca: tls.ca, cert: tls.cert, key: tls.key }
      : { protocol: 'http', host, port };
    return { ...base, connection, endpoint: { kind: 'tcp', address: `tcp://${url.host}`, tls: tls !== undefined } };
  }
  if (!body.ssh) throw new BridgeboardError('invalid', 'ssh: an ssh:// engine needs the private key to sign in with (ssh.privateKey)');
  const username = decodeURIComponent(url.username);
  const port = Number(url.port || 22);
  const given = body.ssh.hostKey;
  if (given === undefined && options.requireHostKey) {
    throw new BridgeboardError(
      'invalid',
      "ssh.hostKey: pin the engine's host key (test it without one to see the key it shows, and compare that with ssh-keygen -lf on the engine)",
    );
  }
  const pinned = given === undefined ? null : pinnedKeyOf(given);
  const hostKey = new HostKeyCheck(port === 22 ? host : `[${host}]:${port}`, pinned);
  const algorithms = hostKey.algorithms();
  return {
    ...base,
    connection: {
      protocol: 'ssh',
      host,
      port,
      username,
      sshOptions: {
        privateKey: body.ssh.privateKey,
        ...(body.ssh.passphrase ? { passphrase: body.ssh.passphrase } : {}),
        // docker-modem hands sshOptions to ssh2's Client.connect as they are (docker-modem/lib/ssh.js).
        hostVerifier: hostKey.verify,
        ...(algorithms ? { algorithms } : {}),
      },
    },
    endpoint: {
      kind: 'ssh',
      address: `ssh://${username}@${url.host}`,
      tls: false,
      ...(pinned ? { hostKey: pinned.fingerprint } : {}),
    },
    hostKey,
  };
}

function pinnedKeyOf(line: string): HostKey {
  try {
    return parseHostKey(line);
  } catch (err) {
    throw new BridgeboardError('invalid', `ssh.hostKey: ${(err as Error).message}`);
  }
}
