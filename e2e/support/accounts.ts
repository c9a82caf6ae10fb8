/**
 * Who the e2e tests are. The server starts with BRIDGEBOARD_ADMIN_PASSWORD (playwright.config.ts)
 * and a fresh data directory; global-setup signs the admin in once and saves the browser state
 * every test starts from, plus an admin API token for the tests' own REST calls.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import type { MeResponse, Role, TokenCreated } from '@bridgeboard/contract';

export const ADMIN = { username: 'admin', password: 'e2e-admin-password' };
export const DATA_DIR = '.reports/e2e-data';
export const ADMIN_STATE = '.reports/e2e-admin-state.json';
const TOKEN_FILE = '.reports/e2e-admin-token.txt';

/** Signs in over REST; the context keeps the cookies. Returns the CSRF token for later changes. */
export async function signInOverRest(request: APIRequestContext, username: string, password: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password } });
  if (!res.ok()) throw new Error(`sign-in as ${username} answered ${res.status()}: ${await res.text()}`);
  const me = (await res.json()) as MeResponse;
  if (!me.csrfToken) throw new Error('sign-in gave no csrfToken');
  return me.csrfToken;
}

/** Makes an admin API token with a signed-in admin context and keeps it for the tests. */
export async function makeAdminToken(request: APIRequestContext, csrfToken: string): Promise<void> {
  const res = await request.post('/api/tokens', { data: { name: 'e2e', role: 'admin' }, headers: { 'x-csrf-token': csrfToken } });
  if (res.status() !== 201) throw new Error(`token create answered ${res.status()}: ${await res.text()}`);
  writeFileSync(TOKEN_FILE, ((await res.json()) as TokenCreated).token, { mode: 0o600 });
}

/** `Authorization` for the tests' own REST calls (the admin's API token). */
export function adminAuthorization(): Record<string, string> {
  return { authorization: `Bearer ${readFileSync(TOKEN_FILE, 'utf8').trim()}` };
}

/** Creates a user over REST as the admin (for tests about something other than the Users page). */
export async function createUser(request: APIRequestContext, username: string, password: string, role: Role): Promise<void> {
  const res = await request.post('/api/users', { data: { username, password, role }, headers: adminAuthorization() });
  if (res.status() !== 201) throw new Error(`user create answered ${res.status()}: ${await res.text()}`);
}
