import { Type, type Static } from 'typebox';
import { Ref } from './common.js';

/** A migration off the default bridge (or another network): the request, its plan, its result and its progress. */
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
