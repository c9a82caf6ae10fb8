import { Type, type Static } from 'typebox';

/** What is published to the outside, and the lints that explain what to fix (the core's `exposure` and `lints`). */
export const ExposedPortSchema = Type.Object({
  container: Type.String(),
  containerPort: Type.Integer(),
  protocol: Type.String(),
  hostIp: Type.String(),
  hostPort: Type.Integer(),
  everyone: Type.Boolean(),
  networks: Type.Array(Type.String()),
});

export const FixSchema = Type.Union([
  Type.Object({ kind: Type.Literal('migrate'), containers: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('remove-network'), network: Type.String() }),
]);

export const LintSchema = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('danger')]),
  message: Type.String(),
  why: Type.String(),
  containers: Type.Array(Type.String()),
  networks: Type.Array(Type.String()),
  fix: Type.Union([FixSchema, Type.Null()]),
});

/** A swarm service's published port (the core's `swarmExposure`). */
export const SwarmPortSchema = Type.Object({
  service: Type.String(),
  protocol: Type.String(),
  targetPort: Type.Integer(),
  publishedPort: Type.Integer(),
  publishMode: Type.Union([Type.Literal('ingress'), Type.Literal('host')]),
  listensOn: Type.Array(Type.String()),
  servedBy: Type.Array(Type.String()),
});

export const ExposureResponse = Type.Object({
  ports: Type.Array(ExposedPortSchema),
  /** Empty unless the engine is a swarm manager. */
  swarmPorts: Type.Array(SwarmPortSchema),
  lints: Type.Array(LintSchema),
});
export type ExposureResponse = Static<typeof ExposureResponse>;
