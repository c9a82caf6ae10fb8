import { describe, expect, it } from 'vitest';
import type { GrantRule, GrantScope } from '../src/grants.js';
import {
  defaultAccess,
  describeBasis,
  engineAccess,
  globMatches,
  maySee,
  missingGrant,
  networkAccess,
  roleOn,
  scopeCovers,
  type Holder,
} from '../src/rights.js';

let next = 0;
const rule = (
  role: GrantRule['role'],
  scope: GrantScope,
  subject: GrantRule['subject'] = { kind: 'group', name: 'payments' },
): GrantRule => ({
  id: `g${++next}`,
  subject,
  role,
  scope,
});
const payments = { name: 'payments-api', labels: { team: 'payments' } };
const orders = { name: 'orders-db', labels: { team: 'orders', tier: 'db' } };

describe('globMatches', () => {
  it.each([
    ['payments-*', 'payments-api', true],
    ['payments-*', 'payments-', true],
    ['payments-*', 'payment-api', false],
    ['*-db', 'orders-db', true],
    ['*-db', 'orders-dbx', false],
    ['a*b*c', 'a-b-c', true],
    ['a*b*c', 'a-c-b', false],
    ['ab*ba', 'aba', false],
    ['*', 'anything', true],
    ['exact', 'exact', true],
    ['exact', 'exactly', false],
    ['pay.*', 'payXapi', false],
  ])('%s against %s: %s', (pattern, name, expected) => {
    expect(globMatches(pattern, name)).toBe(expected);
  });
});

describe('scopeCovers', () => {
  it('all engines, one engine, and one engine’s networks by label or name', () => {
    expect(scopeCovers({ kind: 'all' }, 'prod', null)).toBe(true);
    expect(scopeCovers({ kind: 'engine', engine: 'prod' }, 'prod', payments)).toBe(true);
    expect(scopeCovers({ kind: 'engine', engine: 'prod' }, 'staging', payments)).toBe(false);
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'team=payments' }, 'prod', payments)).toBe(true);
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'team=payments' }, 'prod', orders)).toBe(false);
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'team=payments' }, 'staging', payments)).toBe(false);
    // A value holding "=" is the value's.
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'k=a=b' }, 'prod', { name: 'n', labels: { k: 'a=b' } })).toBe(true);
    // A label present with another value, or an empty value asked for, is not a match.
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'team=' }, 'prod', payments)).toBe(false);
    expect(scopeCovers({ kind: 'name', engine: 'prod', pattern: 'payments-*' }, 'prod', payments)).toBe(true);
    expect(scopeCovers({ kind: 'name', engine: 'prod', pattern: 'payments-*' }, 'prod', orders)).toBe(false);
    // Network scopes never cover a whole engine.
    expect(scopeCovers({ kind: 'name', engine: 'prod', pattern: '*' }, 'prod', null)).toBe(false);
  });

  it('a label inherited from the object prototype is no label', () => {
    expect(scopeCovers({ kind: 'label', engine: 'prod', label: 'constructor=x' }, 'prod', { name: 'n', labels: {} })).toBe(false);
  });
});

describe('access', () => {
  const viewer: Holder = { role: 'viewer', engineRoles: {} };

  it('without grants is the own role, or the role on that engine', () => {
    const who: Holder = { role: 'viewer', engineRoles: { prod: 'operator', lab: 'none' } };
    expect(engineAccess(who, 'prod')).toEqual({ role: 'operator', basis: { kind: 'engine-role', engine: 'prod', role: 'operator' } });
    expect(engineAccess(who, 'staging')).toEqual({ role: 'viewer', basis: { kind: 'role', role: 'viewer' } });
    expect(maySee(who, 'lab')).toBe(false);
  });

  it('grants add up, and a grant that adds nothing is not named', () => {
    const label = rule('operator', { kind: 'label', engine: 'prod', label: 'team=payments' });
    const name = rule('admin', { kind: 'name', engine: 'prod', pattern: 'payments-*' });
    const who: Holder = { ...viewer, grants: [label, name] };
    expect(networkAccess(who, 'prod', payments)).toEqual({ role: 'admin', basis: { kind: 'grant', grant: name } });
    expect(networkAccess(who, 'prod', orders)).toEqual({ role: 'viewer', basis: { kind: 'role', role: 'viewer' } });
    const operatorAlready: Holder = { role: 'operator', engineRoles: {}, grants: [label] };
    expect(networkAccess(operatorAlready, 'prod', payments).basis).toEqual({ kind: 'role', role: 'operator' });
  });

  it('a grant on networks lets its holder see the engine, as a viewer, and no more', () => {
    const label = rule('admin', { kind: 'label', engine: 'prod', label: 'team=payments' });
    const blind: Holder = { role: 'viewer', engineRoles: { prod: 'none' }, grants: [label] };
    expect(engineAccess(blind, 'prod')).toEqual({ role: 'viewer', basis: { kind: 'grant', grant: label } });
    expect(roleOn(blind, 'staging')).toBe('viewer');
    expect(networkAccess(blind, 'prod', payments).role).toBe('admin');
    expect(networkAccess(blind, 'prod', orders).role).toBe('viewer');
  });

  it('an engine grant raises the role on that engine only; an all-engines grant, everywhere and off the engines', () => {
    const engine = rule('operator', { kind: 'engine', engine: 'prod' });
    const all = rule('admin', { kind: 'all' });
    expect(roleOn({ ...viewer, grants: [engine] }, 'prod')).toBe('operator');
    expect(roleOn({ ...viewer, grants: [engine] }, 'staging')).toBe('viewer');
    expect(defaultAccess({ ...viewer, grants: [engine] }).role).toBe('viewer');
    expect(defaultAccess({ ...viewer, grants: [all] })).toEqual({ role: 'admin', basis: { kind: 'grant', grant: all } });
    // A grant raises even an engine the holder's own roles hide.
    expect(roleOn({ role: 'viewer', engineRoles: { prod: 'none' }, grants: [engine] }, 'prod')).toBe('operator');
  });
});

describe('what is said', () => {
  it('names the grant that allowed, and the grant that is missing', () => {
    const label = rule('operator', { kind: 'label', engine: 'prod', label: 'team=payments' }, { kind: 'group', name: '/payments' });
    expect(describeBasis({ kind: 'grant', grant: label })).toBe(
      `grant ${label.id}: operator on networks labelled team=payments on engine 'prod', to group /payments`,
    );
    const who: Holder = { role: 'viewer', engineRoles: {}, grants: [label] };
    expect(missingGrant(who, 'prod', orders, 'operator')).toBe(
      "this needs operator on network 'orders-db' (labels team=orders, tier=db) on engine 'prod'; you have viewer there (own role viewer): " +
        "ask an admin for a grant of operator on engine 'prod', on networks named orders-db or labelled with one of its labels",
    );
    expect(missingGrant({ role: 'viewer', engineRoles: { prod: 'none' } }, 'prod', null, 'operator')).toBe(
      "this needs operator on engine 'prod'; you have no access to engine 'prod': ask an admin for a grant of operator on engine 'prod' or on all engines",
    );
  });
});
