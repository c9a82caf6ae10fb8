import { ROLES, type EngineRole, type EngineRoles, type Role } from './roles.js';
import type { GrantRule, GrantScope } from './grants.js';

/**
 * What a caller may do where: the account's (or token's) own role and per-engine roles, raised by
 * its grants. The server decides with these functions and the board greys out with the same ones,
 * so the two cannot disagree.
 */
export interface Holder {
  /** The default role: on every engine not in `engineRoles`, and on what concerns no engine. */
  role: Role;
  engineRoles: EngineRoles;
  /** Grants to the account, its provider groups and, for a token, the token itself. */
  grants?: readonly GrantRule[] | undefined;
}

/** What a network is matched by. */
export interface NetworkFacts {
  name: string;
  labels: Readonly<Record<string, string>>;
}

/** What gave a right: the holder's own role, its role on one engine, or a grant. */
export type Basis =
  { kind: 'role'; role: Role } | { kind: 'engine-role'; engine: string; role: EngineRole } | { kind: 'grant'; grant: GrantRule };

export interface Access {
  role: EngineRole;
  basis: Basis;
}

const rank = (role: EngineRole): number => (role === 'none' ? -1 : ROLES.indexOf(role));
/** The higher of two; on a tie the first, so the holder's own role is named before a grant that adds nothing. */
const better = (a: Access, b: Access): Access => (rank(b.role) > rank(a.role) ? b : a);

/** `payments-*` against a name: `*` is any run of characters, everything else itself. */
export function globMatches(pattern: string, name: string): boolean {
  const parts = pattern.split('*');
  if (parts.length === 1) return pattern === name;
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (name.length < first.length + last.length || !name.startsWith(first) || !name.endsWith(last)) return false;
  let at = first.length;
  const end = name.length - last.length;
  for (const middle of parts.slice(1, -1)) {
    const found = name.indexOf(middle, at);
    if (found < 0 || found + middle.length > end) return false;
    at = found + middle.length;
  }
  return true;
}

/** `team=payments` → ['team', 'payments']. */
export function labelSelector(label: string): [string, string] {
  const at = label.indexOf('=');
  return [label.slice(0, at), label.slice(at + 1)];
}

/** Whether a scope names some networks of one engine (by label or name), not a whole engine. */
export const isNetworkScope = (scope: GrantScope): scope is Extract<GrantScope, { kind: 'label' | 'name' }> =>
  scope.kind === 'label' || scope.kind === 'name';

/** Whether `scope` holds for `network` on `engine`; with no network, whether it holds for the whole engine. */
export function scopeCovers(scope: GrantScope, engine: string, network: NetworkFacts | null): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'engine':
      return scope.engine === engine;
    case 'label': {
      if (scope.engine !== engine || network === null) return false;
      const [key, value] = labelSelector(scope.label);
      return Object.hasOwn(network.labels, key) && network.labels[key] === value;
    }
    case 'name':
      return scope.engine === engine && network !== null && globMatches(scope.pattern, network.name);
  }
}

/** The holder's role on what concerns no engine (users, tokens, settings): its own, or an all-engines grant's. */
export function defaultAccess(who: Holder): { role: Role; basis: Basis } {
  let best: { role: Role; basis: Basis } = { role: who.role, basis: { kind: 'role', role: who.role } };
  for (const grant of who.grants ?? [])
    if (grant.scope.kind === 'all' && rank(grant.role) > rank(best.role)) best = { role: grant.role, basis: { kind: 'grant', grant } };
  return best;
}

/**
 * The holder's role on a whole engine. A grant on some of its networks lets the holder see the
 * engine (viewer), so that the networks it may change are on a board it can open.
 */
export function engineAccess(who: Holder, engine: string): Access {
  const own = Object.hasOwn(who.engineRoles, engine) ? who.engineRoles[engine] : undefined;
  let best: Access =
    own === undefined
      ? { role: who.role, basis: { kind: 'role', role: who.role } }
      : { role: own, basis: { kind: 'engine-role', engine, role: own } };
  for (const grant of who.grants ?? []) {
    if (scopeCovers(grant.scope, engine, null)) best = better(best, { role: grant.role, basis: { kind: 'grant', grant } });
    else if (isNetworkScope(grant.scope) && grant.scope.engine === engine)
      best = better(best, { role: 'viewer', basis: { kind: 'grant', grant } });
  }
  return best;
}

/** The holder's role on one network of an engine: on the engine, or a grant's that covers the network. */
export function networkAccess(who: Holder, engine: string, network: NetworkFacts): Access {
  let best = engineAccess(who, engine);
  for (const grant of who.grants ?? []) {
    if (scopeCovers(grant.scope, engine, network)) best = better(best, { role: grant.role, basis: { kind: 'grant', grant } });
  }
  return best;
}

/** The role `who` has on `engine`: its own for that engine, else its default, raised by its grants. */
export const roleOn = (who: Holder, engine: string): EngineRole => engineAccess(who, engine).role;

/** Whether `who` may see `engine` at all (list it, follow it, read it). */
export const maySee = (who: Holder, engine: string): boolean => roleOn(who, engine) !== 'none';

/** `networks labelled team=payments on prod`. */
export function describeScope(scope: GrantScope): string {
  switch (scope.kind) {
    case 'all':
      return 'all engines';
    case 'engine':
      return `engine '${scope.engine}'`;
    case 'label':
      return `networks labelled ${scope.label} on engine '${scope.engine}'`;
    case 'name':
      return `networks named ${scope.pattern} on engine '${scope.engine}'`;
  }
}

/** `grant 1f2e…: operator on networks labelled team=payments on engine 'prod', to group payments`. */
export function describeBasis(basis: Basis): string {
  switch (basis.kind) {
    case 'role':
      return `own role ${basis.role}`;
    case 'engine-role':
      return `own role ${basis.role} on engine '${basis.engine}'`;
    case 'grant': {
      const { grant } = basis;
      return `grant ${grant.id}: ${grant.role} on ${describeScope(grant.scope)}, to ${grant.subject.kind} ${grant.subject.name}`;
    }
  }
}

const labelList = (labels: Readonly<Record<string, string>>): string =>
  Object.keys(labels).length === 0
    ? 'no labels'
    : `labels ${Object.entries(labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')}`;

/**
 * Why `who` may not act as `needed` on `network` of `engine` (or on the whole engine with no
 * network): what it has and the grant it lacks, for a 403 and for the board's greyed-out controls.
 */
export function missingGrant(who: Holder, engine: string, network: NetworkFacts | null, needed: Role): string {
  const has = network === null ? engineAccess(who, engine) : networkAccess(who, engine, network);
  const where = network === null ? `engine '${engine}'` : `network '${network.name}' (${labelList(network.labels)}) on engine '${engine}'`;
  const holds = has.role === 'none' ? `no access to engine '${engine}'` : `${has.role} there (${describeBasis(has.basis)})`;
  const wanted =
    network === null
      ? `a grant of ${needed} on engine '${engine}' or on all engines`
      : `a grant of ${needed} on engine '${engine}', on networks named ${network.name}${
          Object.keys(network.labels).length > 0 ? ' or labelled with one of its labels' : ''
        }`;
  return `this needs ${needed} on ${where}; you have ${holds}: ask an admin for ${wanted}`;
}
