import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import { defaultAccess, describeBasis, maySee, roleOn, type Activity, type AuditAction, type AuditResult } from '@bridgeboard/contract';
import { keepAuditFor } from '../audit/retention.js';
import { engineOfRequest } from '../auth/principal.js';
import { engineRoom } from './realtime.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Every call of this route, refused ones too, is written to the audit trail under this action. */
    audit?: AuditAction;
  }
  interface FastifyRequest {
    /** The names the handler resolved (a network given by id is logged by name). */
    auditTarget: { network?: string; container?: string } | null;
    /** What the action came to, beside its parameters (a network edit's outcome and timings). */
    auditDetail: Record<string, unknown> | null;
    /** Why the request failed, set by the error handler; `engine` when the engine said no. */
    failure: { message: string; engine: boolean } | null;
  }
}

/**
 * Never written to the trail, whatever route they arrive on (an engine's `tls` and `ssh` hold its
 * keys; `clientSecret` is single sign-on's).
 */
const SECRET_FIELDS = new Set(['password', 'setupToken', 'token', 'tls', 'ssh', 'clientSecret']);

/** A refused request's body can be anything up to the body limit; the trail keeps a bounded copy. */
const PARAMS_MAX_CHARS = 2048;

function paramsOf(request: FastifyRequest): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const source of [request.params, request.query, request.body]) {
    if (source === null || typeof source !== 'object' || Array.isArray(source)) continue;
    for (const [key, value] of Object.entries(source as Record<string, unknown>)) {
      // The engine has its own column; the path's `:engine` is not a parameter of the action.
      if (!SECRET_FIELDS.has(key) && !(source === request.params && key === 'engine')) out[key] = value;
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

/** How long counts of refusals by nobody wait in memory before they are written. */
const FLUSH_EVERY_MS = 10_000;
/** `AUDIT_RETENTION_DAYS`'s default, for a caller that passes none. */
const RETENTION_DAYS = 90;

export interface AuditOptions {
  /** Entries older than this are deleted, at start and every hour (`AUDIT_RETENTION_DAYS`). */
  retentionDays?: number;
}

/**
 * The audit trail: one row per call of an audited route, written after the answer is sent, then
 * broadcast (`audit`), and for changes that worked, announced to every board (`activity`).
 * Refusals of requests that prove no one (no valid session or token) are the exception: anyone
 * can send them by the thousand, so they are counted per address, minute, action and status
 * (`RefusalTally`) and not broadcast. A wrong password for an existing name keeps its own row:
 * the per-name lockout bounds those.
 */
export default fp<AuditOptions>(
  async (fastify, opts) => {
    fastify.decorateRequest('auditTarget', null);
    fastify.decorateRequest('auditDetail', null);
    fastify.decorateRequest('failure', null);

    const knownUser = (name: string | null) => (name !== null && fastify.users.find(name) ? name : null);
    fastify.addHook('onResponse', async (request, reply) => {
      const action = request.routeOptions.config.audit;
      if (!action) return;
      const { params, body } = request;
      const principal = request.principal;
      const signingIn = action === 'auth.login' || action === 'auth.setup';
      // A failed sign-in names its user only when that user exists: a password typed into the
      // name field must not land in a trail every role reads.
      const claimed = signingIn && !principal ? knownUser(field(body, 'username')) : null;
      const wrongPassword = action === 'auth.login' && reply.statusCode === 401 && claimed !== null;
      if (!principal && reply.statusCode >= 400 && !wrongPassword) {
        fastify.auditLog.countRefusal({
          action,
          statusCode: reply.statusCode,
          error: request.failure?.message ?? null,
          client: request.ip,
        });
        return;
      }
      // Adding an engine names it in the body: its entry is that engine's (hidden where it is `none`).
      const engine = field(params, 'engine') ?? (action === 'engine.add' ? field(body, 'id') : null);
      const scoped = engineOfRequest(request);
      const entry = fastify.auditLog.append({
        user: principal?.username ?? claimed,
        // The role the action was allowed (or refused) under: on one engine's route, the caller's on that engine.
        role: request.access?.role ?? (principal ? (scoped === null ? defaultAccess(principal).role : roleOn(principal, scoped)) : null),
        allowedBy: request.access ? request.access.basis.map(describeBasis).join('; ') : null,
        action,
        engine,
        network: request.auditTarget?.network ?? (action.startsWith('network.') ? (field(params, 'id') ?? field(body, 'name')) : null),
        container: request.auditTarget?.container ?? field(params, 'container') ?? field(body, 'container'),
        params: signingIn && !principal && claimed === null ? {} : { ...paramsOf(request), ...request.auditDetail },
        result: resultOf(reply.statusCode, request.failure),
        statusCode: reply.statusCode,
        error: request.failure?.message ?? null,
        client: request.ip,
      });
      // Live to every signed-in socket, but not to those with no access to the entry's engine.
      for (const socket of fastify.io.of('/').sockets.values()) {
        if (entry.engine === null || maySee(socket.data.principal, entry.engine)) socket.emit('audit', entry);
      }
      if (entry.result === 'ok' && entry.user && entry.network && engine && isBoardAction(action)) {
        const activity: Activity = { engine, user: entry.user, action, target: { network: entry.network }, at: entry.at };
        if (entry.container) activity.target.container = entry.container;
        // Only the boards following that engine show it.
        fastify.io.to(engineRoom(engine)).emit('activity', activity);
      }
    });

    const stopRetention = keepAuditFor(fastify.auditLog, opts.retentionDays ?? RETENTION_DAYS, fastify.log);
    const flush = () => {
      try {
        fastify.auditLog.flush();
      } catch (err) {
        fastify.log.error({ err }, 'writing the refusal counts failed');
      }
    };
    const flushing = setInterval(flush, FLUSH_EVERY_MS);
    flushing.unref();
    // Runs before the database plugin's own onClose (closing runs plugins in reverse), which closes the file.
    fastify.addHook('onClose', async () => {
      stopRetention();
      clearInterval(flushing);
      flush();
    });
  },
  { name: 'audit', dependencies: ['database', 'realtime'] },
);

function isBoardAction(action: AuditAction): action is Activity['action'] {
  return action.startsWith('network.');
}
