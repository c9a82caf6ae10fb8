import { STATUS_CODES } from 'node:http';
import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { BridgeboardError, RolledBackError, STATUS_OF, StepsFailedError } from '../errors.js';

interface EngineError {
  statusCode?: number;
  json?: { message?: string } | null;
  code?: string;
}

const ENGINE_UNREACHABLE = new Set(['ECONNREFUSED', 'ENOENT', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/**
 * What the engine meant, in our codes. Its 403 means "not in this state": a conflict. libnetwork
 * answers 500 for most refused parameters (a parent interface that does not exist, an address in
 * use), so a 500 to a request we sent is the request's fault; other 5xx are the engine's (502).
 */
function engineStatus(status: number): number {
  if (status === 400 || status === 404 || status === 409) return status;
  if (status === 403) return 409;
  if (status === 500) return 400;
  return 502;
}

/** `body/subnets/0/gateway must match format "ipv4"` → names the field; unknown fields named too. */
function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return error.message;
  const where = `${error.validationContext ?? 'request'}${first.instancePath}`;
  const params = first.params;
  if (first.keyword === 'additionalProperties') return `${where} has an unknown field '${String(params.additionalProperty)}'`;
  if (first.keyword === 'required') return `${where} is missing the field '${String(params.missingProperty)}'`;
  return `${where} ${first.message ?? 'is invalid'}`;
}

/** The one place errors become `{ statusCode, error, message }`; handlers never catch. */
export default fp(
  async (fastify) => {
    fastify.setErrorHandler((error: FastifyError & EngineError, request, reply) => {
      const answer = (status: number, message: string, engine = false, more: Record<string, unknown> = {}) => {
        request.failure = { message, engine };
        return reply.status(status).send({ statusCode: status, error: httpReason(status), message, ...more });
      };
      if (error.validation) return answer(400, validationMessage(error));
      if (error instanceof RolledBackError) {
        request.auditDetail = { outcome: error.undone ? 'rolled back' : 'rollback failed' };
        return answer(error.undone ? 409 : 502, error.message, true, { report: error.report });
      }
      if (error instanceof BridgeboardError) return answer(STATUS_OF[error.problem], error.message);
      if (error instanceof StepsFailedError) {
        // The failed step's own status: ours, or the engine's when it refused; its fault otherwise.
        const cause = error.cause as (EngineError & Error) | undefined;
        if (cause instanceof BridgeboardError) return answer(STATUS_OF[cause.problem], error.message, true);
        const refused = cause?.json !== undefined && typeof cause.statusCode === 'number';
        return answer(refused ? engineStatus(cause.statusCode ?? 502) : 502, error.message, true);
      }
      if (error.json !== undefined && typeof error.statusCode === 'number') {
        const message = error.json?.message ?? error.message;
        request.log.info({ engineStatus: error.statusCode, message }, 'engine refused');
        return answer(engineStatus(error.statusCode), message, true);
      }
      if (error.code && ENGINE_UNREACHABLE.has(error.code)) return answer(503, `Docker engine unreachable (${error.code})`, true);
      // Not every error carries a code, whatever FastifyError's type says.
      if ((error.code as string | undefined)?.startsWith('FST_CSRF_')) {
        return answer(403, 'header x-csrf-token is missing or wrong: send the csrfToken from GET /api/auth/me with every change');
      }
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      // A 500 is our bug: its message may hold internals, so it stays in the log.
      return answer(status, status === 500 ? 'Internal Server Error' : error.message);
    });
  },
  { name: 'error-handler' },
);

function httpReason(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
