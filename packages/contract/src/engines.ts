import { Type, type Static } from 'typebox';

/**
 * An engine's id: what routes (`/api/engines/:engine/…`), socket rooms, deep links and the audit
 * trail name it by. Lower case, so that a link typed by hand finds it; short, so it fits a badge.
 */
export const ENGINE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,31}$';
export const EngineRef = Type.String({ pattern: ENGINE_ID_PATTERN, minLength: 1, maxLength: 32 });

/** The engine the server starts with, from DOCKER_HOST or the local socket. */
export const DEFAULT_ENGINE_ID = 'local';

export const EngineParams = Type.Object({ engine: EngineRef }, { additionalProperties: false });

export const EngineStatusSchema = Type.Object({
  reachable: Type.Boolean(),
  version: Type.Union([Type.String(), Type.Null()]),
  apiVersion: Type.Union([Type.String(), Type.Null()]),
});
export type EngineStatus = Static<typeof EngineStatusSchema>;

/** How the server reaches an engine. Never carries a secret: keys and passphrases stay on the server. */
export const EngineEndpointSchema = Type.Object({
  kind: Type.Union([Type.Literal('socket'), Type.Literal('tcp'), Type.Literal('ssh')]),
  /** `unix:///var/run/docker.sock`, `tcp://10.0.0.5:2376`, `ssh://ops@host`: what `DOCKER_HOST` would say. */
  address: Type.String(),
  /** tcp:// only: whether the connection is TLS (with a client certificate). */
  tls: Type.Boolean(),
  /** ssh:// only: the fingerprint (`SHA256:…`) of the host key the engine must show; absent when none is pinned. */
  hostKey: Type.Optional(Type.String()),
});

export const EngineSummarySchema = Type.Object({
  id: Type.String({ pattern: ENGINE_ID_PATTERN }),
  /** What people call it; the id when nothing else was given. */
  name: Type.String(),
  endpoint: EngineEndpointSchema,
  /** Where it was declared: the server's own environment, the engines file, or by an admin. */
  source: Type.Union([Type.Literal('environment'), Type.Literal('file'), Type.Literal('admin')]),
  status: EngineStatusSchema,
  /** The topology rev this engine is at (its own count: every engine has its own). */
  rev: Type.Integer(),
  /** Its place in a swarm, as of its last list; null when it is in none (or has not answered yet). */
  swarm: Type.Union([
    Type.Object({
      role: Type.Union([Type.Literal('manager'), Type.Literal('worker')]),
      nodeId: Type.String(),
      clusterId: Type.Union([Type.String(), Type.Null()]),
    }),
    Type.Null(),
  ]),
});
export type EngineSummary = Static<typeof EngineSummarySchema>;

export const EnginesResponse = Type.Object({ engines: Type.Array(EngineSummarySchema) });
export type EnginesResponse = Static<typeof EnginesResponse>;

/** Where an engine is, as `DOCKER_HOST` says it: a socket on this host, tcp:// (TLS when certificates are given), or ssh://. */
export const ENGINE_HOST_PATTERN = '^(unix:///[^\\s]+|tcp://[^\\s/]+|ssh://[^\\s/@]+@[^\\s/]+)$';

/**
 * An SSH server's public host key, one line: `ssh-ed25519 AAAA…` (a `*.pub` file, `ssh-keyscan`'s
 * answer without the host) or a known_hosts line (`host ssh-ed25519 AAAA…`, `[host]:port …`, hashed
 * `|1|…` names): only the key part counts. Public, so it is stored and shown in the clear.
 */
export const SSH_HOST_KEY_PATTERN = '^[^\\n]*(ssh-|ecdsa-sha2-)[a-z0-9-]+\\s+AAAA[A-Za-z0-9+/]+={0,2}(\\s[^\\n]*)?$';
export const SshHostKey = Type.String({
  minLength: 1,
  maxLength: 8 * 1024,
  pattern: SSH_HOST_KEY_PATTERN,
  examples: ['ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMow5A2/30Sls7T56mqCDHI1L3VKY6uTkUKlPrdAvhKJ'],
  description: "the engine's SSH host key (`ssh-ed25519 AAAA…`, or its known_hosts line): any other key is refused",
});

/** PEM text: what a certificate or key file holds. */
const Pem = Type.String({ minLength: 1, maxLength: 16 * 1024, pattern: '-----BEGIN [A-Z0-9 ]+-----' });

// The fields a declaration and its update share, named rather than read back from
// `EngineBody.properties`: a bundler keeps a property read (it could run a getter), and with it
// every schema and TypeBox in each web chunk that imports this package (issue 13).
const EngineName = Type.Optional(Type.String({ minLength: 1, maxLength: 64 }));
const EngineHost = Type.String({
  pattern: ENGINE_HOST_PATTERN,
  maxLength: 512,
  examples: ['unix:///var/run/docker.sock', 'tcp://10.0.0.5:2376'],
});
const EngineTls = Type.Optional(
  Type.Object(
    { ca: Pem, cert: Pem, key: Pem },
    { additionalProperties: false, description: 'tcp:// only: the CA and a client certificate and key' },
  ),
);

/**
 * An engine as an admin declares it (the API, the CLI). Secrets (the TLS client key, the SSH key
 * and its passphrase) are written, never read back: the server keeps them encrypted.
 */
export const EngineBody = Type.Object(
  {
    id: EngineRef,
    name: EngineName,
    host: EngineHost,
    tls: EngineTls,
    ssh: Type.Optional(
      Type.Object(
        {
          privateKey: Pem,
          passphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
          // Required to add an engine (no trust on first use); a test without it connects, runs
          // nothing, and answers the key the engine showed, for the admin to compare and pin.
          hostKey: Type.Optional(SshHostKey),
        },
        { additionalProperties: false, description: 'ssh:// only: the key to sign in with, and the host key the engine must show' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EngineBody = Static<typeof EngineBody>;

/**
 * A new declaration for an engine an admin added (`PUT /api/engines/:engine`). Left out, `tls` and
 * the ssh key keep what is stored, as long as the host keeps its scheme: a name or an address
 * changes without pasting the keys again. The pinned host key stays while the host (name and
 * port) does: another host is another machine, whose key must be pinned anew.
 */
export const EngineUpdateBody = Type.Object(
  {
    name: EngineName,
    host: EngineHost,
    tls: EngineTls,
    ssh: Type.Optional(
      Type.Object(
        {
          /** Left out, the stored key (and its passphrase) stay. */
          privateKey: Type.Optional(Pem),
          passphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })),
          hostKey: Type.Optional(SshHostKey),
        },
        { additionalProperties: false, description: 'ssh:// only: a new key to sign in with, a new host key to pin, or both' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EngineUpdateBody = Static<typeof EngineUpdateBody>;

/** What a test of an engine found: its version, or why it did not answer. */
export const EngineTestResponse = Type.Object({
  reachable: Type.Boolean(),
  version: Type.Union([Type.String(), Type.Null()]),
  apiVersion: Type.Union([Type.String(), Type.Null()]),
  /** Why not, when not reachable. */
  error: Type.Union([Type.String(), Type.Null()]),
  ms: Type.Number(),
  /**
   * ssh:// only: the host key the engine showed (null when none was seen: not ssh, or no answer).
   * Tested without a pinned key, this is what to compare out of band and then pin as `ssh.hostKey`.
   */
  hostKey: Type.Union([
    Type.Object({
      /** `ssh-ed25519 AAAA…`: the line to pin. */
      key: Type.String(),
      /** `SHA256:…`, as `ssh-keygen -lf` prints it on the engine's host. */
      fingerprint: Type.String(),
    }),
    Type.Null(),
  ]),
});
export type EngineTestResponse = Static<typeof EngineTestResponse>;
