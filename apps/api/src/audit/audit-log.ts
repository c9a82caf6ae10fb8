import type { AuditAction, AuditEntry, AuditQuery, AuditResult, EngineRole } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';
import { RefusalTally, type Refusal } from './refusal-tally.js';

export interface AuditRecord {
  user: string | null;
  role: EngineRole | null;
  /** What allowed the action (the caller's own role or a grant, described); none when refused before that, or not asked (the CLI). */
  allowedBy?: string | null;
  action: AuditAction;
  engine: string | null;
  network: string | null;
  container: string | null;
  params: Record<string, unknown>;
  result: AuditResult;
  statusCode: number;
  error: string | null;
  client: string;
}

interface AuditRow {
  id: number;
  at: string;
  user: string | null;
  role: EngineRole | null;
  allowed_by: string | null;
  action: AuditAction;
  engine: string | null;
  network: string | null;
  container: string | null;
  params: string;
  result: AuditResult;
  status_code: number;
  error: string | null;
  client: string;
}

function toEntry(row: AuditRow): AuditEntry {
  const { status_code, params, allowed_by, ...rest } = row;
  return { ...rest, allowedBy: allowed_by, statusCode: status_code, params: JSON.parse(params) as Record<string, unknown> };
}

/** Rows at a time that `prune` deletes: a long-due prune never holds the write lock (or grows the WAL) for long. */
const PRUNE_BATCH = 5000;

/**
 * The trail. Entries are appended and never changed, except the tallies of refusals by nobody,
 * whose count grows for a minute (see `RefusalTally`); `prune` removes what is past retention.
 */
export class AuditLog {
  private readonly refusals: RefusalTally;

  constructor(
    private readonly db: Db,
    now: () => number = Date.now,
  ) {
    this.refusals = new RefusalTally(db, now);
  }

  /** A refused request without a valid credential: counted into its minute's tally, not kept alone. */
  countRefusal(refusal: Refusal): void {
    this.refusals.count(refusal);
  }

  /** Writes the tallies' counts that are still in memory. */
  flush(): void {
    this.refusals.flush();
  }

  /** Deletes the entries written before `cutoff`; returns how many. */
  prune(cutoff: Date): number {
    const remove = this.db.prepare<[string, number]>(
      'DELETE FROM audit WHERE id IN (SELECT id FROM audit WHERE at < ? ORDER BY at LIMIT ?)',
    );
    const at = cutoff.toISOString();
    let total = 0;
    for (;;) {
      const { changes } = remove.run(at, PRUNE_BATCH);
      total += changes;
      if (changes < PRUNE_BATCH) return total;
    }
  }

  append(record: AuditRecord): AuditEntry {
    const row = this.db
      .prepare<unknown[], AuditRow>(
        `INSERT INTO audit (at, user, role, allowed_by, action, engine, network, container, params, result, status_code, error, client)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        new Date().toISOString(),
        record.user,
        record.role,
        record.allowedBy ?? null,
        record.action,
        record.engine,
        record.network,
        record.container,
        JSON.stringify(record.params),
        record.result,
        record.statusCode,
        record.error,
        record.client,
      );
    if (!row) throw new Error('audit insert returned nothing');
    return toEntry(row);
  }

  /** Newest first; `before` pages back by id; never entries of the engines in `hidden` (the caller has no access there). */
  query(q: AuditQuery, hidden: readonly string[] = []): { entries: AuditEntry[]; nextBefore: number | null } {
    this.flush();
    const where: string[] = [];
    const args: (string | number)[] = [];
    for (const field of ['user', 'engine', 'network', 'container', 'action', 'result'] as const) {
      const value = q[field];
      if (value !== undefined) {
        where.push(`${field} = ?`);
        args.push(value);
      }
    }
    if (hidden.length > 0) {
      where.push(`(engine IS NULL OR engine NOT IN (${hidden.map(() => '?').join(', ')}))`);
      args.push(...hidden);
    }
    if (q.before !== undefined) {
      where.push('id < ?');
      args.push(q.before);
    }
    const limit = q.limit ?? 50;
    const rows = this.db
      .prepare<unknown[], AuditRow>(`SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
      .all(...args, limit + 1);
    const entries = rows.slice(0, limit).map(toEntry);
    return { entries, nextBefore: rows.length > limit ? (entries.at(-1)?.id ?? null) : null };
  }
}
