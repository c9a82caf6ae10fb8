import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { Activity, AuditAction, AuditResult } from '@bridgeboard/contract';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every call of this route, refused ones too, is written to the audit trail under this action. */
    audit?: AuditAction;
  }
  interface FastifyRequest {
    /** The names the handler resolved (a network given by id is logged by name). */
    auditTarget: { network?: string; container?: string } | null;
    /** Why the request failed, set by the error handler; `engine` when the engine said no. */
    failure: { message: string; engine: boolean } | null;
  }
}

/** Never written to the trail, whatever route they arrive on. */
const SECRET_FIELDS = new Set(['password', 'setupToken', 'token']);

/** A refused request's body can be anything up to the body limit; the trail keeps a bounded copy. */
const PARAMS_MAX_CHARS = 2048;

function paramsOf(request: FastifyRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of [request.params, request.query, request.body]) {
    if (source === null || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      if (!SECRET_FIELDS.has(key)) out[key] = value;
    }
  }
  const size = JSON.stringify(out).length;
  return size > PARAMS_MAX_CHARS ? { truncated: true, size } : out;
}

function field(source: unknown, key: string): string | null {
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[key] : undefined;
  return typeof value === 'string' ? value : null;
}

function resultOf(statusCode: number, failure: FastifyRequest['failure']): AuditResult {
  if (statusCode < 400) return 'ok';
  return failure?.engine ? 'failed' : 'refused';
}

/**
 * The audit trail: one row per call of an audited route, written after the answer is sent, then
 * broadcast (`audit`), and for changes that worked, announced to every board (`activity`).
 */
export default fp(
  async (fastify) => {
    fastify.decorateRequest('auditTarget', null);
    fastify.decorateRequest('failure', null);

    const knownUser = (name: string | null) => (name !== null && fastify.users.find(name) ? name : null);
    fastify.addHook('onResponse', async (request, reply) => {
      const action = request.routeOptions.config.audit;
      if (!action) return;
      const { params, body } = request;
      const principal = request.principal;
      const signingIn = action === 'auth.login' || action === 'auth.setup';
      const entry = fastify.auditLog.append({
        // A failed sign-in names its user only when that user exists: a password typed into the
        // name field must not land in a trail every role reads.
        user: principal?.username ?? (signingIn ? knownUser(field(body, 'username')) : null),
        role: principal?.role ?? null,
        action,
        network: request.auditTarget?.network ?? (action.startsWith('network.') ? (field(params, 'id') ?? field(body, 'name')) : null),
        container: request.auditTarget?.container ?? field(params, 'container') ?? field(body, 'container'),
        params: signingIn && !principal && knownUser(field(body, 'username')) === null ? {} : paramsOf(request),
        result: resultOf(reply.statusCode, request.failure),
        statusCode: reply.statusCode,
        error: request.failure?.message ?? null,
        client: request.ip,
      });
      fastify.io.emit('audit', entry);
      if (entry.result === 'ok' && entry.user && entry.network && isBoardAction(action)) {
        const activity: Activity = { user: entry.user, action, target: { network: entry.network }, at: entry.at };
        if (entry.container) activity.target.container = entry.container;
        fastify.io.emit('activity', activity);
      }
    });
  },
  { name: 'audit', dependencies: ['database', 'realtime'] },
);

function isBoardAction(action: AuditAction): action is Activity['action'] {
  return action.startsWith('network.');
}
