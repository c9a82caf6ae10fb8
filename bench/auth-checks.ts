/**
 * (i)'s checks alone, in µs per call: the contract's rights over the caller's rules and over all
 * of them, and the guard's own steps run again on requests the app really received.
 */
import { performance } from 'node:perf_hooks';
import type { FastifyRequest, RouteOptions } from 'fastify';
import { engineAccess, missingGrant, networkAccess, type GrantRule, type Holder } from '@bridgeboard/contract';
import type { App } from '../apps/api/test/helpers/app.js';
import type { BrowserSession } from '../apps/api/test/helpers/session.js';
import { CALLER, CALLER_GROUPS, CALLERS_GRANTS, ENGINE, GRANTS, IDLE_GROUPS, OTHER, PAY } from './auth-grant-mix.js';
import { call, PROBES } from './auth-requests.js';
import { quantile } from './stats.js';
import { columnGroup, fixed, renderTable, type Column } from './table.js';

/** Batches per check per call of measureChecks: the table gives the median of all of them. */
export const BATCHES = 3;
const sink = { n: 0 };

/** µs per call of each of BATCHES batches of `calls` calls. `sink` keeps V8 from dropping the calls. */
function perCall(calls: number, fn: () => { role: string }): number[] {
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) sink.n += fn().role.length;
    batches.push(((performance.now() - t0) * 1000) / calls);
  }
  return batches;
}

async function perCallAsync(calls: number, fn: () => Promise<unknown>): Promise<number[]> {
  const batches: number[] = [];
  for (let b = 0; b < BATCHES; b++) {
    const t0 = performance.now();
    for (let i = 0; i < calls; i++) await fn();
    batches.push(((performance.now() - t0) * 1000) / calls);
  }
  return batches;
}

/** Requests the app received, kept at their route's onRequest (after authentication), by the value of CAPTURE_HEADER. */
const captures = new Map<string, FastifyRequest>();
const CAPTURE_HEADER = 'x-bench-capture';

/** Has every route keep the requests that ask to be kept, so that the guard's own steps are timed on real requests. */
export function capturing(route: RouteOptions): void {
  const keep = (request: FastifyRequest, _reply: unknown, done: () => void) => {
    const name = request.headers[CAPTURE_HEADER];
    if (typeof name === 'string') captures.set(name, request);
    done();
  };
  const before = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest];
  route.onRequest = [...before, keep] as RouteOptions['onRequest'];
}

export interface CheckRow {
  label: string;
  calls: number;
  /** µs per call of every batch: at 0 grants, at 100 (the caller's 10), and over all 100 rules (a holder every grant reaches). */
  at0: number[];
  at100: number[];
  all100: number[];
}

const outcome = (status: number) => (status === 403 ? 'refused' : 'allowed');

export async function measureChecks(
  app: App,
  base: URL,
  session: BrowserSession,
  grants: number,
  rows: Map<string, CheckRow>,
): Promise<void> {
  const groups = [...CALLER_GROUPS, ...IDLE_GROUPS];
  const mine: GrantRule[] = app.grants.rulesFor({ user: CALLER, groups });
  const every: GrantRule[] = app.grants.list().map(({ id, subject, role, scope }) => ({ id, subject, role, scope }));
  if (mine.length !== (grants ? CALLERS_GRANTS.length : 0) || every.length !== grants)
    throw new Error(`the caller holds ${mine.length} grants of ${every.length}`);
  const holder = (rules: GrantRule[]): Holder => ({ role: 'viewer', engineRoles: {}, grants: rules });
  const networks = Object.values(app.fleet.get(ENGINE).store.current.networks);
  const pay = networks.find((n) => n.name === PAY.name);
  const other = networks.find((n) => n.name === OTHER.name);
  if (!pay || !other) throw new Error('the bench networks are not on the board');

  const add = (label: string, calls: number, batches: number[], all: number[] = []) => {
    const row = rows.get(label) ?? { label, calls, at0: [], at100: [], all100: [] };
    (grants ? row.at100 : row.at0).push(...batches);
    row.all100.push(...all);
    rows.set(label, row);
  };
  const pure = (label: string, calls: number, fn: (h: Holder) => { role: string }) =>
    add(
      label,
      calls,
      perCall(calls, () => fn(holder(mine))),
      grants ? perCall(calls, () => fn(holder(every))) : [],
    );

  pure(`engineAccess(${ENGINE})`, 10_000, (h) => engineAccess(h, ENGINE));
  pure(`networkAccess(${OTHER.name}): not covered`, 10_000, (h) => networkAccess(h, ENGINE, other));
  pure(`networkAccess(${PAY.name}): covered`, 10_000, (h) => networkAccess(h, ENGINE, pay));
  pure(`missingGrant(${OTHER.name}, operator): the 403's text`, 10_000, (h) => ({ role: missingGrant(h, ENGINE, other, 'operator') }));

  // The guard's steps, on requests the app really received.
  const headers = { ...session.headers, 'x-csrf-token': session.csrfToken };
  add(
    'authenticate: principalOf(session cookie)',
    2_000,
    perCall(2_000, () => ({ role: app.principalOf(headers)?.role ?? '' })),
  );
  add(
    `  of which grants.rulesFor(user + ${groups.length} groups)`,
    10_000,
    perCall(10_000, () => ({ role: String(app.grants.rulesFor({ user: CALLER, groups }).length) })),
  );
  add(
    "    of which SQLite's data_version (changed by another connection?)",
    10_000,
    perCall(10_000, () => ({ role: String(app.db.pragma('data_version', { simple: true })) })),
  );
  for (const [i, probe] of PROBES.entries()) {
    if (i === 0) continue;
    captures.clear();
    await call(base, probe.method, probe.path, { ...headers, [CAPTURE_HEADER]: String(i) }, probe.body);
    const request = captures.get(String(i));
    if (!request) throw new Error(`no request kept for ${probe.label}`);
    // As authenticate leaves it for this request: the principal with the grants of now.
    request.principal = app.principalOf(request.headers);
    let refused = 0;
    const batches = await perCallAsync(2_000, () =>
      app.apiGuards.authorize(request).catch(() => {
        refused++;
      }),
    );
    const status = probe.expect(grants).status;
    if (refused > 0 !== (status === 403)) throw new Error(`authorize of ${probe.label} at ${grants} grants: refused ${refused} times`);
    const [at0, at100] = [probe.expect(0).status, probe.expect(GRANTS).status].map(outcome);
    const label = `authorize: ${probe.method} ${probe.path.replace(`/api/engines/${ENGINE}`, '…')}`;
    add(`${label} → ${at0 === at100 ? at0 : `${at0} / ${at100}`}`, 2_000, batches);
  }
}

export function checksTable(rows: CheckRow[]): string {
  const columns: Column[] = [
    ...columnGroup('check', [''], true),
    ...columnGroup('calls', [`×${rows[0]?.at0.length ?? 0}`]),
    ...columnGroup('µs per call', ['0 grants', '100 (10 reach)', 'all 100 rules']),
  ];
  const us = (batches: number[]) => {
    const v = quantile(batches, 0.5);
    return Number.isFinite(v) ? fixed(v, v < 10 ? 2 : 1) : '';
  };
  return renderTable(
    columns,
    rows.map((r) => [r.label, String(r.calls), us(r.at0), us(r.at100), us(r.all100)]),
  );
}
