import { createQuerySerializer } from 'openapi-fetch';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, AuditPage } from '@bridgeboard/contract';
import { prependEntry, type AuditPages } from './audit-cache';
import { auditQuery, filtersFromSearch, matchesFilters } from './audit-filters';

const entry = (id: number, patch: Partial<AuditEntry> = {}): AuditEntry => ({
  id,
  at: '2025-01-01T00:00:00.000Z',
  user: 'alice',
  role: 'operator',
  allowedBy: 'own role operator',
  action: 'network.connect',
  engine: 'local',
  network: 'appnet',
  container: 'web',
  params: {},
  result: 'ok',
  statusCode: 200,
  error: null,
  client: '127.0.0.1',
  ...patch,
});
const pages = (...lists: number[][]): AuditPages => ({
  pages: lists.map((ids): AuditPage => ({ entries: ids.map((id) => entry(id)), nextBefore: null })),
  pageParams: lists.map(() => undefined),
});

describe('audit filters', () => {
  it('reads the address, dropping blanks and unknown actions', () => {
    expect(filtersFromSearch(new URLSearchParams('user=alice&network=%20&action=rm%20-rf&result=refused'))).toEqual({
      user: 'alice',
      result: 'refused',
    });
  });
  it('builds the request with the page cursor, leaving out blank and unset filters', () => {
    // The client's own serializer (the default one): what the API's querystring schema receives.
    const serialize = createQuerySerializer();
    expect(serialize(auditQuery({ user: 'bob', container: 'db' }, 42))).toBe('user=bob&container=db&before=42&limit=50');
    expect(serialize(auditQuery({ user: '', network: 'a b&c', result: 'refused' }, undefined))).toBe(
      'network=a%20b%26c&result=refused&limit=50',
    );
    expect(serialize(auditQuery({}, undefined))).toBe('limit=50');
  });
  it('matches an entry the way the server filters', () => {
    expect(matchesFilters(entry(1), {})).toBe(true);
    expect(matchesFilters(entry(1), { user: 'alice', network: 'appnet' })).toBe(true);
    expect(matchesFilters(entry(1), { user: 'bob' })).toBe(false);
    expect(matchesFilters(entry(1, { user: null }), { user: 'alice' })).toBe(false);
    expect(matchesFilters(entry(1, { result: 'refused' }), { result: 'ok' })).toBe(false);
  });
});

describe('prependEntry', () => {
  it('puts a new entry first', () => {
    expect(prependEntry(pages([5, 4], [3]), entry(6))?.pages.map((p) => p.entries.map((e) => e.id))).toEqual([[6, 5, 4], [3]]);
  });
  it('ignores an entry already on any page', () => {
    const data = pages([5, 4], [3]);
    expect(prependEntry(data, entry(3))).toBe(data);
  });
  it('keeps id order when entries arrive out of order', () => {
    expect(prependEntry(pages([7, 5]), entry(6))?.pages[0]?.entries.map((e) => e.id)).toEqual([7, 6, 5]);
  });
  it('leaves an unfetched list alone', () => {
    expect(prependEntry(undefined, entry(1))).toBeUndefined();
  });
});
