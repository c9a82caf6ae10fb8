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

/** PEM text: what a certificate or key file holds. */
const Pem = Type.String({ minLength: 1, maxLength: 16 * 1024, pattern: '-----BEGIN [A-Z0-9 ]+-----' });

/**
 * An engine as an admin declares it (the API, the CLI). Secrets (the TLS client key, the SSH key
 * and its passphrase) are written, never read back: the server keeps them encrypted.
 */
export const EngineBody = Type.Object(
  {
    id: EngineRef,
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    host: Type.String({ pattern: ENGINE_HOST_PATTERN, maxLength: 512, examples: ['unix:///var/run/docker.sock', 'tcp://10.0.0.5:2376'] }),
    tls: Type.Optional(
      Type.Object(
        { ca: Pem, cert: Pem, key: Pem },
        { additionalProperties: false, description: 'tcp:// only: the CA and a client certificate and key' },
      ),
    ),
    ssh: Type.Optional(
      Type.Object(
        { privateKey: Pem, passphrase: Type.Optional(Type.String({ minLength: 1, maxLength: 1024 })) },
        { additionalProperties: false, description: 'ssh:// only: the key to sign in with' },
      ),
    ),
  },
  { additionalProperties: false },
);
export type EngineBody = Static<typeof EngineBody>;

/**
 * A new declaration for an engine an admin added (`PUT /api/engines/:engine`). Left out, `tls` and
 * `ssh` keep what is stored, as long as the host keeps its scheme: a name or an address changes
 * without pasting the keys again.
 */
export const EngineUpdateBody = Type.Object(
  {
    name: Type.Optional(EngineBody.properties.name),
    host: EngineBody.properties.host,
    tls: EngineBody.properties.tls,
    ssh: EngineBody.properties.ssh,
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
});
export type EngineTestResponse = Static<typeof EngineTestResponse>;
