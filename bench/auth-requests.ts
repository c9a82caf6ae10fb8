/**
 * (i)'s requests end to end: one keep-alive connection, one request at a time, and the requests
 * that make the guard or the route decide on a network, each with the answer it must get.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import type { AccessAnswer } from '@bridgeboard/contract';
import type { BrowserSession } from '../apps/api/test/helpers/session.js';
import { AUTH_PREFIX } from './auth-bench.js';
import { CALLER, CALLERS_GRANTS, ENGINE, GRANTS, OTHER, PAY } from './auth-grant-mix.js';
import { spread } from './stats.js';
import { columnGroup, fixed, ms, renderTable, type Column } from './table.js';

/** One keep-alive connection, one request at a time, as a load tool's single connection does. */
export const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

export interface Answer {
  status: number;
  body: string;
  ms: number;
}

export function call(base: URL, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        method,
        path,
        agent,
        headers: { ...headers, ...(payload === undefined ? {} : { 'content-type': 'application/json' }) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString(), ms: performance.now() - t0 }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** A request the table measures, and what it must be answered at 0 and at 100 grants (checked on every answer). */
export interface Probe {
  label: string;
  method: 'GET' | 'POST';
  path: string;
  body?: unknown;
  expect: (grants: number) => { status: number; check: (body: string) => boolean };
}

const connections = (network: string) => `/api/engines/${ENGINE}/networks/${network}/connections`;

export const PROBES: Probe[] = [
  {
    label: 'GET /api/auth/me',
    method: 'GET',
    path: '/api/auth/me',
    expect: (grants) => ({
      status: 200,
      check: (body) => (JSON.parse(body) as { user: { grants: unknown[] } }).user.grants.length === (grants ? CALLERS_GRANTS.length : 0),
    }),
  },
  {
    label: `GET …/access?role=operator&network=${OTHER.name}`,
    method: 'GET',
    path: `/api/engines/${ENGINE}/access?role=operator&network=${OTHER.name}`,
    expect: () => ({
      status: 200,
      check: (body) => {
        const answer = JSON.parse(body) as AccessAnswer;
        return !answer.allowed && answer.role === 'viewer' && (answer.missing ?? '').startsWith('this needs operator on network');
      },
    }),
  },
  {
    label: `POST …/networks/${OTHER.name}/connections (refused)`,
    method: 'POST',
    path: connections(OTHER.name),
    body: { container: `${AUTH_PREFIX}nobody` },
    // With grants on networks the guard checks the network and names the missing grant; without, the role alone refuses.
    expect: (grants) => ({
      status: 403,
      check: (body) =>
        grants
          ? body.includes(`this needs operator on network '${OTHER.name}'`)
          : body.includes(`${CALLER} is viewer on engine '${ENGINE}'`),
    }),
  },
  {
    label: `POST …/networks/${PAY.name}/connections, body {} (allowed, then 400)`,
    method: 'POST',
    path: connections(PAY.name),
    body: {},
    // With the grant the guard lets it through (on PAY's label) and the body's validation refuses it: nothing is connected.
    expect: (grants) => ({
      status: grants ? 400 : 403,
      check: (body) => (grants ? body.includes('container') : body.includes('is viewer')),
    }),
  },
];

export async function runProbe(base: URL, session: BrowserSession, probe: Probe, grants: number, n: number, into: number[]): Promise<void> {
  const headers = { ...session.headers, ...(probe.method === 'POST' ? { 'x-csrf-token': session.csrfToken } : {}) };
  const { status, check } = probe.expect(grants);
  for (let i = 0; i < n; i++) {
    const answer = await call(base, probe.method, probe.path, headers, probe.body);
    if (answer.status !== status || !check(answer.body))
      throw new Error(`${probe.label} at ${grants} grants answered ${answer.status} (expected ${status}): ${answer.body.slice(0, 300)}`);
    into.push(answer.ms);
  }
}

export function requestsTable(samples: Map<string, number[]>): string {
  const columns: Column[] = [
    ...columnGroup('request', [''], true),
    ...columnGroup('answer', ['0', '100'], false),
    ...columnGroup('0 grants, ms', ['p50', 'p95', 'max']),
    ...columnGroup('100 grants, ms', ['p50', 'p95', 'max']),
    ...columnGroup('p50 +', ['µs']),
  ];
  const rows = PROBES.map((probe) => {
    const at0 = spread(samples.get(`${probe.label}@0`) ?? []);
    const at100 = spread(samples.get(`${probe.label}@${GRANTS}`) ?? []);
    return [
      probe.label,
      String(probe.expect(0).status),
      String(probe.expect(GRANTS).status),
      ms(at0.p50),
      ms(at0.p95),
      ms(at0.max),
      ms(at100.p50),
      ms(at100.p95),
      ms(at100.max),
      fixed((at100.p50 - at0.p50) * 1000, 0),
    ];
  });
  return renderTable(columns, rows);
}
