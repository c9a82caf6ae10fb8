import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AuditEntry } from '@bridgeboard/contract';
import { AuditLog, type AuditRecord } from '../src/audit/audit-log.js';
import { keepAuditFor, PRUNE_EVERY_MS } from '../src/audit/retention.js';
import { openDatabase } from '../src/store/database.js';
import { startApp } from './helpers/app.js';

/** AUDIT_RETENTION_DAYS: entries past it are deleted when the server starts and every hour after. */

const DAY = 24 * 60 * 60 * 1000;

const record = (network: string): AuditRecord => ({
  user: 'token:tests',
  role: 'admin',
  action: 'network.create',
  engine: 'local',
  network,
  container: null,
  params: { name: network },
  result: 'ok',
  statusCode: 201,
  error: null,
  client: '127.0.0.1',
});

/** A logger that keeps what it was told (the retention job reports what it removed). */
function recordingLog(): { log: FastifyBaseLogger; lines: unknown[][] } {
  const lines: unknown[][] = [];
  const keep = (...args: unknown[]) => void lines.push(args);
  return { log: { info: keep, error: keep } as unknown as FastifyBaseLogger, lines };
}

const networksIn = (log: AuditLog) => log.query({ limit: 500 }).entries.map((e: AuditEntry) => e.network);

afterEach(() => {
  vi.useRealTimers();
});

describe('at start', () => {
  it('a server opening an old trail deletes what is older than 90 days (the default) and keeps the rest', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-audit-retention-'));
    const file = join(dir, 'bridgeboard.db');
    try {
      const db = openDatabase(file);
      const log = new AuditLog(db);
      for (const [name, age] of [
        ['ancient', 400],
        ['stale', 91],
        ['recent', 89],
        ['today', 0],
      ] as const) {
        const { id } = log.append(record(name));
        db.prepare('UPDATE audit SET at = ? WHERE id = ?').run(new Date(Date.now() - age * DAY).toISOString(), id);
      }
      expect(networksIn(log)).toEqual(['today', 'recent', 'stale', 'ancient']);
      db.close();

      const app = await startApp({}, { DATABASE_PATH: file });
      try {
        expect(networksIn(app.auditLog)).toEqual(['today', 'recent']);
        // The prune reads the index on `at`, not the whole table.
        const plan = app.db.prepare<[], { detail: string }>("EXPLAIN QUERY PLAN SELECT id FROM audit WHERE at < '2000'").all();
        expect(plan.map((p) => p.detail).join()).toMatch(/USING (COVERING )?INDEX audit_by_at/);
      } finally {
        await app.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('while running', () => {
  it('prunes every hour: an entry goes within the hour after it passes the retention', () => {
    vi.useFakeTimers({ now: Date.parse('2025-03-01T12:00:00Z'), toFake: ['Date', 'setInterval', 'clearInterval'] });
    const log = new AuditLog(openDatabase(':memory:'));
    log.append(record('first'));
    const { log: logger, lines } = recordingLog();
    const stop = keepAuditFor(log, 1, logger);
    try {
      vi.advanceTimersByTime(12 * 60 * 60 * 1000);
      log.append(record('second'));
      // `first` is exactly a day old now: not past the retention yet. The next hourly turn removes it, not `second`.
      vi.advanceTimersByTime(12 * 60 * 60 * 1000);
      expect(networksIn(log)).toEqual(['second', 'first']);
      vi.advanceTimersByTime(PRUNE_EVERY_MS);
      expect(networksIn(log)).toEqual(['second']);
      expect(lines).toEqual([[{ removed: 1, days: 1 }, 'audit entries past retention removed']]);
    } finally {
      stop();
    }
    vi.advanceTimersByTime(2 * DAY);
    expect(networksIn(log)).toEqual(['second']);
  });

  it('deletes in batches, however many are due', () => {
    const db = openDatabase(':memory:');
    const log = new AuditLog(db);
    const old = new Date(Date.now() - 100 * DAY).toISOString();
    const insert = db.prepare(
      `INSERT INTO audit (at, user, role, action, network, container, params, result, status_code, error, client)
       VALUES (?, NULL, NULL, 'auth.login', NULL, NULL, '{}', 'refused', 401, NULL, '10.0.0.1')`,
    );
    db.transaction(() => {
      for (let i = 0; i < 12_345; i++) insert.run(old);
    })();
    log.append(record('kept'));
    expect(log.prune(new Date(Date.now() - 90 * DAY))).toBe(12_345);
    expect(networksIn(log)).toEqual(['kept']);
  });
});
