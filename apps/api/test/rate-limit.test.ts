import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, startApp, type App } from './helpers/app.js';

/**
 * RATE_LIMIT_PER_MINUTE holds for every request, anonymous ones included: the /api guards refuse
 * those (401) before any route's own hooks run, so the limit must be counted before the guards.
 */
describe('the rate limit per client address', () => {
  let app: App;
  beforeAll(async () => {
    app = await startApp({}, { RATE_LIMIT_PER_MINUTE: '10', LOGIN_MAX_ATTEMPTS: '2' });
  });
  afterAll(() => app.close());

  const statuses = async (n: number, request: () => Promise<{ statusCode: number }>) => {
    const seen: number[] = [];
    for (let i = 0; i < n; i++) seen.push((await request()).statusCode);
    return seen;
  };

  it('counts anonymous refused requests: the 11th in a minute gets 429, not another 401', async () => {
    const seen = await statuses(15, () =>
      app.inject({ method: 'POST', url: '/api/engines/local/networks', remoteAddress: '10.9.0.1', payload: { name: 'never' } }),
    );
    expect(seen).toEqual([...Array<number>(10).fill(401), ...Array<number>(5).fill(429)]);
    // Another address has its own budget, and an API token spends it like anyone else.
    const other = await statuses(11, () =>
      app.inject({ url: '/api/engines/local/topology', remoteAddress: '10.9.0.2', headers: asAdmin(app) }),
    );
    expect(other).toEqual([...Array<number>(10).fill(200), 429]);
  });

  it('keeps the sign-in route to its own, stricter limit', async () => {
    // loginPerWindow = LOGIN_MAX_ATTEMPTS × 5 = 10 a window from one address, whatever the names.
    const seen = await statuses(12, () =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.0.3',
        payload: { username: `nobody-${String(Math.random())}`, password: 'wrong-password-1' },
      }),
    );
    expect(seen.slice(0, 10)).toEqual(Array<number>(10).fill(401));
    expect(seen.slice(10)).toEqual([429, 429]);
  });
});
