import type { MigrationBody } from '@bridgeboard/contract';

export const migrationKeys = {
  all: ['migrations'] as const,
  plans: () => [...migrationKeys.all, 'plan'] as const,
  /** `rev`: the topology the plan was made against; a change on the engine asks for a new plan. */
  plan: (body: MigrationBody, rev: number) => [...migrationKeys.plans(), body, rev] as const,
};
