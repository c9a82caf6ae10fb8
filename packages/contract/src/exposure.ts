import { Type, type Static } from 'typebox';
import type { Lint, lints } from '@bridgeboard/topology';

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

/** The core's lint codes (the compile-time proof at the end fails when one is added there only). */
const LintCodeSchema = Type.Union([
  Type.Literal('default-bridge'),
  Type.Literal('legacy-link'),
  Type.Literal('backend-published'),
  Type.Literal('host-mode'),
  Type.Literal('host-privileged'),
  Type.Literal('empty-network'),
  Type.Literal('overlapping-subnets'),
  Type.Literal('route-overlap'),
  Type.Literal('address-pools'),
  Type.Literal('bridge-ports'),
  Type.Literal('mtu'),
]);

export const LintSchema = Type.Object({
  code: LintCodeSchema,
  severity: Type.Union([Type.Literal('info'), Type.Literal('warning'), Type.Literal('danger')]),
  message: Type.String(),
  why: Type.String(),
  /** What to do when there is no one-click fix; null when the reason says it. */
  advice: Type.Union([Type.String(), Type.Null()]),
  containers: Type.Array(Type.String()),
  networks: Type.Array(Type.String()),
  fix: Type.Union([FixSchema, Type.Null()]),
});

/**
 * The engine host's uplink and IPv4 routes, which the capacity lints weigh the networks against
 * (the core's `HostFacts`); null when the API cannot see that host (another machine, or the API in
 * a container of its own).
 */
export const HostFactsSchema = Type.Object({
  uplink: Type.Union([Type.Object({ name: Type.String(), mtu: Type.Integer() }), Type.Null()]),
  routes: Type.Array(Type.Object({ destination: Type.String(), interface: Type.String() })),
});

export const HostFactsResponse = Type.Object({ host: Type.Union([HostFactsSchema, Type.Null()]) });
export type HostFactsResponse = Static<typeof HostFactsResponse>;

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

// Compile-time proof that the schemas and the core's types describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type LintMatchesCore = AssertTrue<Same<Static<typeof LintSchema>, Lint>>;
export type HostFactsMatchCore = AssertTrue<Same<Static<typeof HostFactsSchema>, NonNullable<Parameters<typeof lints>[1]>>>;
