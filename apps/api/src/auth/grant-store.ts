import { randomBytes } from 'node:crypto';
import type { Grant, GrantCreateBody, GrantRule, GrantScope, GrantSubject, Role } from '@bridgeboard/contract';
import type { Db } from '../store/database.js';

interface GrantRow {
  id: string;
  subject_kind: GrantSubject['kind'];
  subject_name: string;
  role: Role;
  scope: string;
  created_by: string;
  created_at: string;
}

function toGrant(row: GrantRow): Grant {
  return {
    id: row.id,
    subject: { kind: row.subject_kind, name: row.subject_name },
    role: row.role,
    scope: JSON.parse(row.scope) as GrantScope,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

const ruleOf = ({ id, subject, role, scope }: Grant): GrantRule => ({ id, subject, role, scope });

/**
 * Grants, read on every request that carries a credential. They change rarely and are few (tens to
 * hundreds), so they are held in memory, indexed by subject, and read again after a change made
 * here or by another connection to the database (SQLite's `data_version` moves then).
 */
export class GrantStore {
  private bySubject: Map<string, GrantRule[]> | null = null;
  private readAtVersion = -1;
  /** Prepared once: it runs on every request that carries a credential. */
  private readonly dataVersion;

  constructor(private readonly db: Db) {
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  list(): Grant[] {
    return this.db.prepare<[], GrantRow>('SELECT * FROM grants ORDER BY created_at, id').all().map(toGrant);
  }

  byId(id: string): Grant | null {
    const row = this.db.prepare<[string], GrantRow>('SELECT * FROM grants WHERE id = ?').get(id);
    return row ? toGrant(row) : null;
  }

  create(body: GrantCreateBody, createdBy: string): Grant {
    const id = randomBytes(8).toString('hex');
    this.db
      .prepare('INSERT INTO grants (id, subject_kind, subject_name, role, scope, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, body.subject.kind, body.subject.name, body.role, JSON.stringify(body.scope), createdBy, new Date().toISOString());
    this.bySubject = null;
    const grant = this.byId(id);
    if (!grant) throw new Error('grant vanished right after it was made');
    return grant;
  }

  remove(id: string): Grant | null {
    const grant = this.byId(id);
    if (grant && this.db.prepare('DELETE FROM grants WHERE id = ?').run(id).changes === 1) this.bySubject = null;
    return grant;
  }

  /** Removes what was granted to a user or a token that is gone, so that a new one of that name inherits nothing. */
  removeFor(subject: GrantSubject): number {
    const changes = this.db
      .prepare('DELETE FROM grants WHERE subject_kind = ? AND subject_name = ?')
      .run(subject.kind, subject.name).changes;
    if (changes > 0) this.bySubject = null;
    return changes;
  }

  /** Removes the grants scoped to an engine that is gone, so that another engine added later under its id inherits nothing. */
  removeForEngine(engine: string): number {
    const changes = this.db.prepare("DELETE FROM grants WHERE json_extract(scope, '$.engine') = ?").run(engine).changes;
    if (changes > 0) this.bySubject = null;
    return changes;
  }

  /** The grants that reach a user (its own and its groups') or a token. */
  rulesFor(who: { user: string; groups: readonly string[] } | { token: string }): GrantRule[] {
    const index = this.index();
    if ('token' in who) return index.get(key('token', who.token)) ?? [];
    return [key('user', who.user), ...who.groups.map((g) => key('group', g))].flatMap((k) => index.get(k) ?? []);
  }

  /** Whether any grant names one of these groups: a provider's user in such a group may sign in. */
  namesAnyGroup(groups: readonly string[]): boolean {
    const index = this.index();
    return groups.some((g) => index.has(key('group', g)));
  }

  private index(): Map<string, GrantRule[]> {
    const version = this.dataVersion.get() ?? -1;
    if (this.bySubject && version === this.readAtVersion) return this.bySubject;
    this.readAtVersion = version;
    const index = new Map<string, GrantRule[]>();
    for (const grant of this.list()) {
      const k = key(grant.subject.kind, grant.subject.name);
      index.set(k, [...(index.get(k) ?? []), ruleOf(grant)]);
    }
    this.bySubject = index;
    return index;
  }
}

const key = (kind: GrantSubject['kind'], name: string) => `${kind}\u0000${name}`;
