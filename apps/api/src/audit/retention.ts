import type { FastifyBaseLogger } from 'fastify';
import type { AuditLog } from './audit-log.js';

const DAY_MS = 24 * 60 * 60 * 1000;
/** How often a running server prunes; it also prunes once at start. */
export const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Keeps `days` of audit trail: deletes older entries now, then every `PRUNE_EVERY_MS`. A prune
 * that fails (the CLI holding the write lock past the busy timeout) is logged and tried again at
 * the next turn. Returns the function that stops it.
 */
export function keepAuditFor(auditLog: AuditLog, days: number, log: FastifyBaseLogger, now: () => number = Date.now): () => void {
  const prune = () => {
    try {
      const removed = auditLog.prune(new Date(now() - days * DAY_MS));
      if (removed > 0) log.info({ removed, days }, 'audit entries past retention removed');
    } catch (err) {
      log.error({ err }, 'audit prune failed');
    }
  };
  prune();
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
