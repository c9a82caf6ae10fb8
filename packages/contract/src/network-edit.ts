import { Type, type Static } from 'typebox';
import type { NetworkEditPlan } from '@bridgeboard/topology';
import { NetworkCreateBody } from './network-create.js';

/**
 * Editing a network: the request, its plan, its report and its progress. The engine has no update
 * verb, so the network is re-made with every endpoint kept (packages/topology/src/network-edit).
 */

export const AddressPolicySchema = Type.Union([Type.Literal('map'), Type.Literal('refuse')], {
  description: 'an address outside the new subnets: `map` moves it to the same host number inside them, `refuse` refuses the plan',
});

export const NetworkEditBody = Type.Object(
  {
    /** The network as it should be: the New-network form's body, filled in from the network and changed. */
    network: NetworkCreateBody,
    addresses: Type.Optional(AddressPolicySchema),
    /** The basis of the plan the user reviewed: applying refuses (409) when the network changed since. */
    expectBasis: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);
export type NetworkEditBody = Static<typeof NetworkEditBody>;

const Strings = Type.Record(Type.String(), Type.String());
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const NetworkSpecSchema = Type.Object({
  name: Type.String(),
  driver: Type.String(),
  subnets: Type.Array(
    Type.Object({
      subnet: Type.String(),
      gateway: Type.Optional(Nullable(Type.String())),
      ipRange: Type.Optional(Nullable(Type.String())),
      auxAddresses: Type.Optional(Strings),
    }),
  ),
  internal: Type.Optional(Type.Boolean()),
  ipv6: Type.Optional(Type.Boolean()),
  attachable: Type.Optional(Type.Boolean()),
  options: Type.Optional(Strings),
  labels: Type.Optional(Strings),
  ipamDriver: Type.Optional(Type.String()),
  ipamOptions: Type.Optional(Strings),
});

const Addresses = Type.Object({ ipv4: Nullable(Type.String()), ipv6: Nullable(Type.String()), mac: Nullable(Type.String()) });

export const EditEndpointSchema = Type.Object({
  container: Type.String(),
  containerId: Type.String(),
  running: Type.Boolean(),
  before: Addresses,
  after: Addresses,
  kept: Type.Array(
    Type.Object({
      field: Type.Union([
        Type.Literal('ipv4'),
        Type.Literal('ipv6'),
        Type.Literal('mac'),
        Type.Literal('aliases'),
        Type.Literal('links'),
        Type.Literal('driver-opts'),
        Type.Literal('gw-priority'),
      ]),
      how: Type.String(),
    }),
  ),
  aliases: Type.Array(Type.String()),
  composeAliases: Type.Array(Type.String()),
  links: Type.Array(Type.String()),
  driverOpts: Strings,
  gwPriority: Nullable(Type.Number()),
  offline: Nullable(Type.Object({ from: Type.Integer(), to: Type.Integer() })),
});

export const EditStepSchema = Type.Union([
  Type.Object({ kind: Type.Literal('disconnect'), network: Type.String(), container: Type.String(), containerId: Type.String() }),
  Type.Object({ kind: Type.Literal('remove-network'), network: Type.String() }),
  Type.Object({ kind: Type.Literal('create-network'), spec: NetworkSpecSchema }),
  Type.Object({
    kind: Type.Literal('connect'),
    network: Type.String(),
    container: Type.String(),
    containerId: Type.String(),
    ipv4: Nullable(Type.String()),
    ipv6: Nullable(Type.String()),
    aliases: Type.Array(Type.String()),
    links: Type.Array(Type.String()),
    mac: Nullable(Type.String()),
    driverOpts: Strings,
    gwPriority: Nullable(Type.Number()),
  }),
]);

export const NetworkEditPlanSchema = Type.Object({
  network: Type.String(),
  networkId: Type.String(),
  basis: Type.String(),
  before: NetworkSpecSchema,
  after: NetworkSpecSchema,
  changes: Type.Array(Type.Object({ field: Type.String(), from: Nullable(Type.String()), to: Nullable(Type.String()) })),
  endpoints: Type.Array(EditEndpointSchema),
  steps: Type.Array(EditStepSchema),
  commands: Type.Array(Type.String()),
  connectivity: Type.String(),
  unkept: Type.Array(
    Type.Object({
      container: Nullable(Type.String()),
      what: Type.String(),
      resolution: Type.Union([Type.Literal('mapped'), Type.Literal('refused'), Type.Literal('changes')]),
    }),
  ),
  warnings: Type.Array(Type.String()),
  refusals: Type.Array(Type.Object({ container: Nullable(Type.String()), field: Nullable(Type.String()), reason: Type.String() })),
});
export type NetworkEditPlanBody = Static<typeof NetworkEditPlanSchema>;

const StepStatus = Type.Union([Type.Literal('done'), Type.Literal('failed'), Type.Literal('undone'), Type.Literal('not-run')]);

/** What an edit did, step by step: kept, or rolled back (and whether the rollback itself held). */
export const NetworkEditReport = Type.Object({
  id: Type.String(),
  network: Type.String(),
  outcome: Type.Union([Type.Literal('kept'), Type.Literal('rolled-back'), Type.Literal('rollback-failed')]),
  /** Why it was rolled back; null when kept. */
  reason: Nullable(Type.String()),
  steps: Type.Array(
    Type.Object({ index: Type.Integer(), command: Type.String(), status: StepStatus, ms: Type.Number(), error: Nullable(Type.String()) }),
  ),
  /** The commands that put things back, newest first (empty when kept). */
  undo: Type.Array(
    Type.Object({
      command: Type.String(),
      status: Type.Union([Type.Literal('done'), Type.Literal('failed')]),
      error: Nullable(Type.String()),
    }),
  ),
  /** Every endpoint compared with the plan after the steps (and names resolved, when probes are on). */
  verification: Type.Array(
    Type.Object({
      container: Type.String(),
      field: Type.String(),
      expected: Type.String(),
      actual: Type.String(),
      ok: Type.Boolean(),
    }),
  ),
  /** How long each running container was off the network, measured (disconnect sent → connect answered). */
  offlineMs: Type.Array(Type.Object({ container: Type.String(), ms: Type.Number() })),
});
export type NetworkEditReport = Static<typeof NetworkEditReport>;

/** An edit that did not hold: the error, with the report of what ran and what was put back. */
export const NetworkEditFailure = Type.Object({
  statusCode: Type.Integer(),
  error: Type.String(),
  message: Type.String(),
  report: Type.Optional(NetworkEditReport),
});

/** Live progress of an edit, step by step, to every board of the engine. */
export interface NetworkEditProgress {
  id: string;
  engine: string;
  user: string;
  network: string;
  phase: 'apply' | 'verify' | 'undo';
  index: number;
  total: number;
  command: string;
  status: 'running' | 'done' | 'failed' | 'undone';
  error: string | null;
}

// Compile-time proof that the plan's schema and the core's type describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type EditPlanMatchesCore = AssertTrue<Same<Static<typeof NetworkEditPlanSchema>, NetworkEditPlan>>;
