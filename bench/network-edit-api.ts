/**
 * (g)'s calls to the app, over HTTP as a board makes them: an edit planned until the app has seen
 * every container, then applied with the plan's basis (bench/network-edit-measure.ts).
 */
import { performance } from 'node:perf_hooks';
import type { NetworkCreateBody, NetworkEditPlanBody, NetworkEditReport } from '@bridgeboard/contract';
import { epochNow } from './web-engine.js';

/** The app's HTTP API, signed in with an admin token. */
export type Api = <T>(method: 'GET' | 'POST', path: string, body?: unknown) => Promise<{ status: number; json: T }>;

export function apiOf(base: string, token: string): Api {
  return async <T>(method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/engines/local${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as T };
  };
}

/** Polls every 200 ms until `check` gives a value (the app follows the engine by its events, a moment behind). */
export async function until<T>(what: string, check: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Plans `body` until the plan holds all `size` containers running, then applies it with its basis. */
export async function applyEdit(api: Api, network: string, body: NetworkCreateBody, size: number) {
  const path = `/networks/${encodeURIComponent(network)}/edit`;
  const plan = await until(`a plan with ${size} running containers`, async () => {
    const res = await api<NetworkEditPlanBody>('POST', `${path}/plan`, { network: body });
    if (res.status !== 200) throw new Error(`plan → ${res.status}: ${JSON.stringify(res.json)}`);
    return res.json.endpoints.filter((e) => e.running).length === size ? res.json : undefined;
  });
  if (plan.refusals.length) throw new Error(`plan refused: ${plan.refusals.map((r) => r.reason).join('; ')}`);
  const from = epochNow();
  const res = await api<NetworkEditReport>('POST', path, { network: body, expectBasis: plan.basis });
  const to = epochNow();
  if (res.status !== 200 || res.json.outcome !== 'kept') throw new Error(`edit → ${res.status}: ${JSON.stringify(res.json)}`);
  return { plan, report: res.json, from, to };
}
