import { Type } from 'typebox';
import { ErrorResponse } from './common.js';
import { TopologySchema } from './topology-schema.js';

export const EngineStatusSchema = Type.Object({
  reachable: Type.Boolean(),
  version: Type.Union([Type.String(), Type.Null()]),
  apiVersion: Type.Union([Type.String(), Type.Null()]),
});

export const HealthResponse = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  engine: EngineStatusSchema,
  rev: Type.Integer(),
  uptimeSeconds: Type.Number(),
});

export const SnapshotResponse = Type.Object({ rev: Type.Integer(), topology: TopologySchema });

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
