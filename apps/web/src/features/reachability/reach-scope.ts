import { findContainer, reachability, type Container, type ReachPair, type Topology } from '@bridgeboard/topology';

/** What the matrix covers: one network's containers, one compose project's, or every container. */
export type ReachScope = { kind: 'network'; name: string } | { kind: 'project'; name: string } | { kind: 'all' };

/** Past this, one table of every pair is unreadable (and n² cells slow); the page asks for a narrower scope. */
export const MATRIX_LIMIT = 60;

export const scopeValue = (s: ReachScope): string => (s.kind === 'all' ? 'all' : `${s.kind}:${s.name}`);

export function parseScope(value: string | null): ReachScope | null {
  if (value === 'all') return { kind: 'all' };
  const m = /^(network|project):(.+)$/.exec(value ?? '');
  return m?.[1] && m[2] ? { kind: m[1] as 'network' | 'project', name: m[2] } : null;
}

const byName = (a: Container, b: Container) => a.name.localeCompare(b.name);

/** The containers in a scope, sorted by name: a network's are those attached to it, running or not. */
export function membersOf(t: Topology, scope: ReachScope): Container[] {
  const all = Object.values(t.containers);
  if (scope.kind === 'all') return all.sort(byName);
  if (scope.kind === 'project') return all.filter((c) => c.composeProject === scope.name).sort(byName);
  const network = Object.values(t.networks).find((n) => n.name === scope.name);
  if (!network) return [];
  const ids = new Set(Object.values(t.endpoints).flatMap((e) => (e.networkId === network.id ? [e.containerId] : [])));
  return all.filter((c) => ids.has(c.id)).sort(byName);
}

export interface ScopeOption {
  value: string;
  label: string;
  scope: ReachScope;
  size: number;
}

/** Networks with two containers or more, compose projects, and "all": what the select offers. */
export function scopeOptions(t: Topology): ScopeOption[] {
  const option = (scope: ReachScope, label: (size: number) => string): ScopeOption => {
    const size = membersOf(t, scope).length;
    return { value: scopeValue(scope), label: label(size), scope, size };
  };
  const networks = Object.values(t.networks)
    .sort((a, b) => Number(a.system) - Number(b.system) || a.name.localeCompare(b.name))
    .map((n) => option({ kind: 'network', name: n.name }, (k) => `network ${n.name} (${k})`))
    .filter((o) => o.size >= 2);
  const projects = [...new Set(Object.values(t.containers).flatMap((c) => (c.composeProject ? [c.composeProject] : [])))]
    .sort()
    .map((p) => option({ kind: 'project', name: p }, (k) => `compose project ${p} (${k})`));
  return [...networks, ...projects, option({ kind: 'all' }, (k) => `all containers (${k})`)];
}

/** The first user-defined network with two containers or more; else every container while they fit one table. */
export function defaultScope(t: Topology): ReachScope {
  const network = Object.values(t.networks)
    .filter((n) => !n.system)
    .sort((a, b) => a.name.localeCompare(b.name))
    .find((n) => membersOf(t, { kind: 'network', name: n.name }).length >= 2);
  if (network) return { kind: 'network', name: network.name };
  const fallback = scopeOptions(t).find((o) => o.size <= MATRIX_LIMIT);
  return fallback?.scope ?? { kind: 'all' };
}

/**
 * Every ordered pair among `members`, computed on the topology cut down to them (plus the
 * containers whose stack they share and those they --link to, which their verdicts read): the
 * core walks every endpoint per pair, so a network of ten on an engine of hundreds stays quick.
 */
export function pairsAmong(t: Topology, members: Container[]): ReachPair[] {
  const keep = new Set(members.map((c) => c.id));
  const pending = [...members];
  for (let c = pending.pop(); c; c = pending.pop()) {
    const related = [
      c.networkMode.kind === 'container' ? findContainer(t, c.networkMode.container) : undefined,
      ...c.links.map((l) => findContainer(t, l.container)),
    ];
    for (const r of related) {
      if (r && !keep.has(r.id)) {
        keep.add(r.id);
        pending.push(r);
      }
    }
  }
  const cut: Topology = {
    ...t,
    containers: Object.fromEntries(Object.entries(t.containers).filter(([id]) => keep.has(id))),
    endpoints: Object.fromEntries(Object.entries(t.endpoints).filter(([, e]) => keep.has(e.containerId))),
  };
  const names = new Set(members.map((c) => c.name));
  return reachability(cut).filter((p) => names.has(p.from) && names.has(p.to));
}
