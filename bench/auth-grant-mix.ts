/**
 * (i)'s grants and networks: the caller and its groups, the 10 grants that reach it, the 90 that
 * go to others, and how the bench puts them in place through the app's own routes.
 */
import type { GrantCreateBody, NetworkFacts } from '@bridgeboard/contract';
import { asAdmin, type App } from '../apps/api/test/helpers/app.js';
import { AUTH_PREFIX } from './auth-bench.js';

export const GRANTS = 100;
export const ENGINE = 'local';

/** Covered by the caller's grants (its label, and its name by a pattern). */
export const PAY: NetworkFacts = { name: `${AUTH_PREFIX}pay`, labels: { team: `${AUTH_PREFIX}pay` } };
/** Covered by none of the caller's grants: the refusals. */
export const OTHER: NetworkFacts = { name: `${AUTH_PREFIX}orders`, labels: { team: `${AUTH_PREFIX}orders` } };

export const CALLER = `${AUTH_PREFIX}pat`;
export const CALLER_GROUPS = [0, 1, 2, 3, 4].map((i) => `${AUTH_PREFIX}g${i}`);
/** Groups of the caller that no grant names, as a provider sends them. */
export const IDLE_GROUPS = [0, 1, 2].map((i) => `${AUTH_PREFIX}idle-${i}`);
export const OTHER_USERS = [0, 1, 2, 3, 4].map((i) => `${AUTH_PREFIX}u${i}`);
export const TOKENS = 10;

type Scope = GrantCreateBody['scope'];

/** The caller's 10, two per group; none covers OTHER, and the caller's own role is viewer. */
export const CALLERS_GRANTS: { group: number; role: GrantCreateBody['role']; scope: Scope }[] = [
  { group: 0, role: 'viewer', scope: { kind: 'all' } },
  { group: 0, role: 'viewer', scope: { kind: 'engine', engine: ENGINE } },
  { group: 1, role: 'operator', scope: { kind: 'label', engine: ENGINE, label: `team=${AUTH_PREFIX}pay` } },
  { group: 1, role: 'operator', scope: { kind: 'name', engine: ENGINE, pattern: `${AUTH_PREFIX}pay*` } },
  { group: 2, role: 'operator', scope: { kind: 'label', engine: ENGINE, label: `team=${AUTH_PREFIX}t2` } },
  { group: 2, role: 'operator', scope: { kind: 'name', engine: ENGINE, pattern: `${AUTH_PREFIX}t2-*` } },
  { group: 3, role: 'admin', scope: { kind: 'label', engine: ENGINE, label: `team=${AUTH_PREFIX}t3` } },
  { group: 3, role: 'operator', scope: { kind: 'name', engine: ENGINE, pattern: `${AUTH_PREFIX}*-t3` } },
  { group: 4, role: 'operator', scope: { kind: 'label', engine: ENGINE, label: `env=${AUTH_PREFIX}prod` } },
  { group: 4, role: 'admin', scope: { kind: 'name', engine: ENGINE, pattern: `${AUTH_PREFIX}t4*-db` } },
];

/** The other 90: users, groups and tokens in turn, with every scope kind and role in turn. */
function othersGrants(tokenIds: string[]): GrantCreateBody[] {
  return Array.from({ length: GRANTS - CALLERS_GRANTS.length }, (_, i): GrantCreateBody => {
    const kind = (['user', 'group', 'token'] as const)[i % 3] ?? 'group';
    const name =
      kind === 'user'
        ? (OTHER_USERS[i % OTHER_USERS.length] ?? '')
        : kind === 'token'
          ? (tokenIds[i % TOKENS] ?? '')
          : `${AUTH_PREFIX}og-${i}`;
    const scopes: Scope[] = [
      { kind: 'all' },
      { kind: 'engine', engine: ENGINE },
      { kind: 'label', engine: ENGINE, label: `team=${AUTH_PREFIX}x${i}` },
      { kind: 'name', engine: ENGINE, pattern: `${AUTH_PREFIX}x${i}-*` },
    ];
    const role = (['viewer', 'operator', 'admin'] as const)[Math.floor(i / 12) % 3] ?? 'viewer';
    return { subject: { kind, name }, role, scope: scopes[i % 4] ?? { kind: 'all' } };
  });
}

/** The app learns of the networks from the engine's events: the checks need them on its board. */
export async function waitForNetworks(app: App): Promise<void> {
  const names = new Set([PAY.name, OTHER.name]);
  for (let i = 0; i < 200; i++) {
    const onBoard = Object.values(app.fleet.get(ENGINE).store.current.networks).filter((n) => names.has(n.name));
    if (onBoard.length === names.size) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the bench networks did not reach the board within 10 s');
}

/** Replaces every grant with `bodies`, through the admin routes: each change drops the app's grant index, rebuilt at the next request. */
export async function setGrants(app: App, bodies: GrantCreateBody[]): Promise<void> {
  for (const grant of app.grants.list()) {
    const res = await app.inject({ method: 'DELETE', url: `/api/grants/${grant.id}`, headers: asAdmin(app) });
    if (res.statusCode !== 204) throw new Error(`removing a grant answered ${res.statusCode}: ${res.body}`);
  }
  for (const body of bodies) {
    const res = await app.inject({ method: 'POST', url: '/api/grants', headers: asAdmin(app), payload: body });
    if (res.statusCode !== 201) throw new Error(`granting ${JSON.stringify(body)} answered ${res.statusCode}: ${res.body}`);
  }
}

/** All of them: the caller's 10, each to one of its groups, then the other 90. */
export function grantMix(tokenIds: string[]): GrantCreateBody[] {
  return [
    ...CALLERS_GRANTS.map(({ group, role, scope }) => ({
      subject: { kind: 'group' as const, name: CALLER_GROUPS[group] ?? '' },
      role,
      scope,
    })),
    ...othersGrants(tokenIds),
  ];
}
