import { Type } from 'typebox';
import { ErrorResponse } from './common.js';
import { EngineStatusSchema, ENGINE_ID_PATTERN } from './engines.js';
import { TopologySchema } from './topology-schema.js';

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  /** The default engine's status and rev (what a single-engine probe watches). */
  engine: EngineStatusSchema,
  rev: Type.Integer(),
  /** Every engine's reachability, by id: `degraded` when any is unreachable. */
  engines: Type.Record(Type.String({ pattern: ENGINE_ID_PATTERN }), Type.Boolean()),
  uptimeSeconds: Type.Number(),
});

export const SnapshotResponse = Type.Object({
  engine: Type.String({ pattern: ENGINE_ID_PATTERN }),
  rev: Type.Integer(),
  topology: TopologySchema,
});

/** The error answers every mutating route can give. */
export const MutationErrors = {
  400: ErrorResponse,
  403: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  502: ErrorResponse,
  503: ErrorResponse,
};
