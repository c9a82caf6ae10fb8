import { describe, expect, it } from 'vitest';
import type { GrantRule, Holder } from '@bridgeboard/contract';
import { networkPermission } from './network-permission';

const labelGrant: GrantRule = {
  id: '1f2e3d4c5b6a7988',
  subject: { kind: 'user', name: 'pat' },
  role: 'operator',
  scope: { kind: 'label', engine: 'local', label: 'team=payments' },
};
const pat: Holder = { role: 'viewer', engineRoles: {}, grants: [labelGrant] };
const payments = { name: 'payments-api', labels: { team: 'payments' } };
const orders = { name: 'orders-db', labels: { team: 'orders' } };

describe('networkPermission', () => {
  it('lets a label grant connect and disconnect on the networks it covers, and only there', () => {
    expect(networkPermission(pat, 'local', 'connect', payments)).toEqual({ allowed: true, reason: null });
    expect(networkPermission(pat, 'local', 'disconnect', payments)).toEqual({ allowed: true, reason: null });
    expect(networkPermission(pat, 'local', 'connect', orders)).toEqual({
      allowed: false,
      reason:
        "this needs operator on network 'orders-db' (labels team=orders) on engine 'local'; you have viewer there (own role viewer): " +
        "ask an admin for a grant of operator on engine 'local', on networks named orders-db or labelled with one of its labels",
    });
  });

  it('holds a grant to its own engine', () => {
    const refused = networkPermission(pat, 'prod', 'connect', payments);
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toContain("on engine 'prod'");
  });

  it('asks for admin to remove, whatever an operator grant covers', () => {
    const refused = networkPermission(pat, 'local', 'remove', payments);
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toMatch(/^this needs admin on network 'payments-api'/);
    expect(refused.reason).toContain(`grant ${labelGrant.id}: operator on networks labelled team=payments on engine 'local', to user pat`);
  });

  it('lets an edit keep the network covered, not take it out of the grant', () => {
    expect(networkPermission(pat, 'local', 'edit', payments)).toEqual({ allowed: true, reason: null });
    expect(
      networkPermission(pat, 'local', 'edit', payments, { name: 'payments-api', labels: { team: 'payments', tier: 'db' } }).allowed,
    ).toBe(true);
    const unlabelled = networkPermission(pat, 'local', 'edit', payments, { name: 'payments-api', labels: {} });
    expect(unlabelled.allowed).toBe(false);
    expect(unlabelled.reason).toMatch(/^this needs operator on network 'payments-api' \(no labels\)/);
    // Nor into it: a network outside the grant stays outside, whatever its edit would make of it.
    expect(networkPermission(pat, 'local', 'edit', orders, payments).allowed).toBe(false);
  });

  it('follows the roles without grants: an operator connects anywhere, only an admin removes', () => {
    const operator: Holder = { role: 'operator', engineRoles: {}, grants: [] };
    expect(networkPermission(operator, 'local', 'connect', orders).allowed).toBe(true);
    expect(networkPermission(operator, 'local', 'edit', orders, { name: 'renamed', labels: {} }).allowed).toBe(true);
    expect(networkPermission(operator, 'local', 'remove', orders).allowed).toBe(false);
    expect(networkPermission({ role: 'admin', engineRoles: {} }, 'local', 'remove', orders).allowed).toBe(true);
  });

  it('counts engine roles and grants on all engines, and says when the engine is closed', () => {
    const shut: Holder = { role: 'admin', engineRoles: { local: 'none' } };
    const refused = networkPermission(shut, 'local', 'connect', orders);
    expect(refused.allowed).toBe(false);
    expect(refused.reason).toContain("you have no access to engine 'local'");
    const everywhere: Holder = {
      role: 'viewer',
      engineRoles: {},
      grants: [{ ...labelGrant, id: 'a1', role: 'admin', scope: { kind: 'all' } }],
    };
    expect(networkPermission(everywhere, 'local', 'remove', orders).allowed).toBe(true);
  });
});
