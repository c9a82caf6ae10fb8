import { Type, type Static } from 'typebox';
import { Ref } from './common.js';

/** What is published to the outside, and the lints that explain the wiring (the core's `exposure` and `lints`). */
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

export const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('commands'), Type.Literal('compose')], { default: 'commands' }),
    networks: Type.Optional(Type.Array(Ref, { maxItems: 200 })),
    containers: Type.Optional(Type.Array(Ref, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type ExportQuery = Static<typeof ExportQuery>;
export const ExportResponse = Type.Object({ format: Type.String(), text: Type.String() });
export type ExportResponse = Static<typeof ExportResponse>;

export const MigrationBody = Type.Object(
  {
    containers: Type.Array(Ref, { minItems: 1, maxItems: 100 }),
    /** Also take every container linked to or from the selection. */
    includeLinked: Type.Optional(Type.Boolean()),
    /** The network the containers leave, by name or id; the default bridge when not given. */
    from: Type.Optional(Ref),
    networkName: Type.Optional(Ref),
    subnet: Type.Optional(Type.String({ maxLength: 43 })),
    /** Leave the network they come from (`from`, else the default bridge) once all are on the new one. */
    disconnectFromDefault: Type.Optional(Type.Boolean()),
    /** The commands of the plan the user reviewed: applying refuses (409) when the plan made now differs. */
    expectCommands: Type.Optional(Type.Array(Type.String({ maxLength: 2000 }), { maxItems: 400 })),
  },
  { additionalProperties: false },
);
export type MigrationBody = Static<typeof MigrationBody>;

export const MigrationStepSchema = Type.Union([
  Type.Object({ kind: Type.Literal('create-network'), name: Type.String(), subnet: Type.String(), gateway: Type.String() }),
  Type.Object({ kind: Type.Literal('connect'), network: Type.String(), container: Type.String(), aliases: Type.Array(Type.String()) }),
  Type.Object({ kind: Type.Literal('disconnect'), network: Type.String(), container: Type.String() }),
]);
export type MigrationStepBody = Static<typeof MigrationStepSchema>;

export const MigrationPlanSchema = Type.Object({
  network: Type.Union([Type.Object({ name: Type.String(), subnet: Type.String(), gateway: Type.String() }), Type.Null()]),
  containers: Type.Array(Type.String()),
  steps: Type.Array(MigrationStepSchema),
  commands: Type.Array(Type.String()),
  warnings: Type.Array(Type.String()),
  refusals: Type.Array(Type.Object({ container: Type.Union([Type.String(), Type.Null()]), reason: Type.String() })),
});
export type MigrationPlanBody = Static<typeof MigrationPlanSchema>;

export const MigrationResult = Type.Object({
  id: Type.String(),
  plan: MigrationPlanSchema,
  /** Steps done, in order (all of them on success). */
  done: Type.Integer(),
});
export type MigrationResult = Static<typeof MigrationResult>;

/** Live progress of a migration, step by step, to every board. */
export interface MigrationProgress {
  id: string;
  engine: string;
  user: string;
  index: number;
  total: number;
  command: string;
  status: 'running' | 'done' | 'failed' | 'undoing' | 'undone';
  error: string | null;
}
