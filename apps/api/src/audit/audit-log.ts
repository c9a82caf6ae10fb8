import type { AuditAction, AuditEntry, AuditQuery, AuditResult, Role } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';

export interface AuditRecord {
  user: string | null;
  role: Role | null;
  action: AuditAction;
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
  role: Role | null;
  action: AuditAction;
  network: string | null;
  container: string | null;
  params: string;
  result: AuditResult;
  status_code: number;
  error: string | null;
  client: string;
}

function toEntry(row: AuditRow): AuditEntry {
  const { status_code, params, ...rest } = row;
  return { ...rest, statusCode: status_code, params: JSON.parse(params) as Record<string, unknown> };
}

/** Append-only: nothing in the product updates or deletes an entry. */
export class AuditLog {
  constructor(private readonly db: Db) {}

  append(record: AuditRecord): AuditEntry {
    const row = this.db
      .prepare<unknown[], AuditRow>(
        `INSERT INTO audit (at, user, role, action, network, container, params, result, status_code, error, client)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING *`,
      )
      .get(
        new Date().toISOString(),
        record.user,
        record.role,
        record.action,
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

  /** Newest first; `before` pages back by id. */
  query(q: AuditQuery): { entries: AuditEntry[]; nextBefore: number | null } {
    const where: string[] = [];
    const args: (string | number)[] = [];
    for (const field of ['user', 'network', 'container', 'action', 'result'] as const) {
      const value = q[field];
      if (value !== undefined) {
        where.push(`${field} = ?`);
        args.push(value);
      }
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
