import createClient from 'openapi-fetch';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError, dataOf, isUnauthorized, sessionMiddleware, setCsrfToken, setUnauthorizedHandler } from './api';
import type { paths } from './api-schema';

/**
 * The client's glue (CSRF header, 401 handler, answer to data or ApiError) through openapi-fetch's
 * real pipeline, against a stand-in server that answers `reply` and records what it was sent. The
 * e2e journeys prove the same against the real API.
 */
function server(reply: () => Response) {
  const sent: Request[] = [];
  const client = createClient<paths>({
    baseUrl: 'http://bridgeboard.test',
    fetch: (request) => {
      sent.push(request);
      return Promise.resolve(reply());
    },
  });
  client.use(sessionMiddleware);
  return { client, sent };
}
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refusal = (statusCode: number, message: string) => json(statusCode, { statusCode, error: 'Refused', message });

afterEach(() => {
  setCsrfToken(null);
  setUnauthorizedHandler(null);
});

describe('the session middleware', () => {
  it('sends the CSRF token with a mutation, never with a read', async () => {
    const { client, sent } = server(() => new Response(null, { status: 204 }));
    setCsrfToken('t0k3n');
    await client.DELETE('/api/tokens/{id}', { params: { path: { id: 'a/b' } } });
    await client.GET('/api/users');
    expect(sent.map((r) => [r.method, new URL(r.url).pathname, r.headers.get('x-csrf-token')])).toEqual([
      ['DELETE', '/api/tokens/a%2Fb', 't0k3n'],
      ['GET', '/api/users', null],
    ]);
  });
  it('sends no CSRF header without a session', async () => {
    const { client, sent } = server(() => new Response(null, { status: 204 }));
    await client.POST('/api/auth/logout');
    expect(sent[0]?.headers.has('x-csrf-token')).toBe(false);
  });
  it('reports a 401 as an ended session, except from /api/auth/', async () => {
    let ended = 0;
    setUnauthorizedHandler(() => ended++);
    const { client } = server(() => refusal(401, 'Sign in first'));
    await client.GET('/api/users');
    expect(ended).toBe(1);
    await client.GET('/api/auth/me');
    await client.POST('/api/auth/login', { body: { username: 'a', password: 'b' } });
    expect(ended).toBe(1);
  });
  it('does not end the session on a refusal that is not a 401', async () => {
    let ended = 0;
    setUnauthorizedHandler(() => ended++);
    await server(() => refusal(403, 'Admins only')).client.GET('/api/users');
    expect(ended).toBe(0);
  });
});

describe('dataOf', () => {
  it('gives the data of a 2xx answer', async () => {
    const { client } = server(() => json(200, { required: true }));
    await expect(dataOf(client.GET('/api/auth/setup'))).resolves.toEqual({ required: true });
  });
  it('gives undefined for a 204', async () => {
    const { client } = server(() => new Response(null, { status: 204 }));
    await expect(dataOf(client.DELETE('/api/users/{username}', { params: { path: { username: 'bob' } } }))).resolves.toBeUndefined();
  });
  it("throws the server's message as ApiError", async () => {
    const { client } = server(() => refusal(409, 'The network has endpoints'));
    const err: unknown = await dataOf(
      client.DELETE('/api/engines/{engine}/networks/{id}', { params: { path: { engine: 'local', id: 'n1' } } }),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ statusCode: 409, message: 'The network has endpoints' });
    expect(isUnauthorized(err)).toBe(false);
  });
  it('falls back to the status line when the error has no JSON message', async () => {
    const empty = server(() => new Response(null, { status: 502, statusText: 'Bad Gateway' }));
    await expect(dataOf(empty.client.GET('/api/users'))).rejects.toMatchObject({ statusCode: 502, message: '502 Bad Gateway' });
    const page = server(() => new Response('<h1>down</h1>', { status: 503, statusText: 'Service Unavailable' }));
    await expect(dataOf(page.client.GET('/api/users'))).rejects.toMatchObject({ statusCode: 503, message: '503 Service Unavailable' });
  });
  it('marks a 401 as an ended session', async () => {
    const { client } = server(() => refusal(401, 'Sign in first'));
    expect(isUnauthorized(await dataOf(client.GET('/api/auth/me')).catch((e: unknown) => e))).toBe(true);
  });
});
