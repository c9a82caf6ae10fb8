import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/database.js';
import { GrantStore } from './grant-store.js';

describe('GrantStore', () => {
  it('drops the grants of an engine that is gone, and only those', () => {
    const grants = new GrantStore(openDatabase(':memory:'));
    const group = { kind: 'group', name: 'payments' } as const;
    const onProd = grants.create(
      { subject: group, role: 'operator', scope: { kind: 'label', engine: 'prod', label: 'team=payments' } },
      'admin',
    );
    grants.create({ subject: group, role: 'viewer', scope: { kind: 'engine', engine: 'prod' } }, 'admin');
    const elsewhere = grants.create({ subject: group, role: 'operator', scope: { kind: 'engine', engine: 'staging' } }, 'admin');
    const everywhere = grants.create({ subject: group, role: 'viewer', scope: { kind: 'all' } }, 'admin');
    expect(grants.rulesFor({ user: 'pat', groups: ['payments'] }).map((g) => g.id)).toContain(onProd.id);
    expect(grants.removeForEngine('prod')).toBe(2);
    expect(
      grants
        .rulesFor({ user: 'pat', groups: ['payments'] })
        .map((g) => g.id)
        .sort(),
    ).toEqual([elsewhere.id, everywhere.id].sort());
  });

  it('reads again what another connection to the database changed (the CLI, a second server)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bb-grants-'));
    try {
      const grants = new GrantStore(openDatabase(join(dir, 'db.sqlite')));
      expect(grants.rulesFor({ token: 't1' })).toEqual([]);
      const other = new GrantStore(openDatabase(join(dir, 'db.sqlite')));
      const made = other.create({ subject: { kind: 'token', name: 't1' }, role: 'operator', scope: { kind: 'all' } }, 'admin');
      expect(grants.rulesFor({ token: 't1' }).map((g) => g.id)).toEqual([made.id]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
