/** The REST client. Errors arrive as `{ statusCode, error, message }` and become ApiError. */

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/**
 * The session's CSRF token (from the latest `/api/auth/me`, sign-in or setup answer): the server
 * refuses a cookie-authenticated POST/PATCH/DELETE without it in `x-csrf-token`.
 */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/**
 * Called when a request answers 401: the session ended (expired, signed out elsewhere, user
 * removed). `/api/auth/*` is left out: there a 401 means bad credentials or "nobody signed in",
 * which the sign-in screen handles itself.
 */
let onUnauthorized: (() => void) | null = null;
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  return fetch(path, { method, credentials: 'same-origin', headers, body: body === undefined ? null : JSON.stringify(body) });
}

async function parse<T>(path: string, res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    if (res.status === 401 && !path.startsWith('/api/auth/')) onUnauthorized?.();
    const message = (json as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return json as T;
}

/** A read. Retries are the query client's (lib/query-client.ts), not this function's. */
export async function get<T>(path: string): Promise<T> {
  return parse<T>(path, await send('GET', path));
}

/** A mutation is sent once: retrying a connect after a lost answer could act twice. */
export async function mutate<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return parse<T>(path, await send(method, path, body));
}

/** True for the answer of a session that ended; such errors lead to the sign-in screen, not a toast. */
export const isUnauthorized = (err: unknown): boolean => err instanceof ApiError && err.statusCode === 401;
