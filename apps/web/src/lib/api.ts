import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './api-schema';

/**
 * The REST client, typed by the API's own OpenAPI document (lib/api-schema.ts, generated): a path,
 * its parameters, its body and its answer cannot drift from the route. Same origin, cookie session.
 * No retry here: reads are retried by the query client (lib/query-client.ts); a mutation is sent
 * once, since retrying a connect after a lost answer could act twice.
 */

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** True for the answer of a session that ended; such errors lead to the sign-in screen, not a toast. */
export const isUnauthorized = (err: unknown): boolean => err instanceof ApiError && err.statusCode === 401;

/**
 * The session's CSRF token (from the latest `/api/auth/me`, sign-in or setup answer): the server
 * refuses a cookie-authenticated POST/PUT/PATCH/DELETE without it in `x-csrf-token`.
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

/** Sends the CSRF token with every non-GET request and reports an ended session. */
export const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    if (request.method !== 'GET' && csrfToken) request.headers.set('x-csrf-token', csrfToken);
    return request;
  },
  onResponse({ response, schemaPath }) {
    if (response.status === 401 && !schemaPath.startsWith('/api/auth/')) onUnauthorized?.();
    return response;
  },
};

export const client = createClient<paths>({ credentials: 'same-origin' });
client.use(sessionMiddleware);

/** What a client call resolves to: openapi-fetch gives `data` for a 2xx answer, `error` (the parsed body) otherwise. */
interface Answer {
  data?: unknown;
  error?: unknown;
  response: Response;
}
/** The 2xx side of a call's answer type (its `error` is `never`). */
type Success<A extends Answer> = Extract<A, { error?: never }>;

/** openapi-fetch's own rule: a 2xx answer carries `data`, any other `error`. */
const succeeded = <A extends Answer>(answer: A): answer is Success<A> => answer.response.ok;

/**
 * The data of a call, or its error as ApiError (errors arrive as `{ statusCode, error, message }`).
 * A 204 gives undefined. An error with an empty or non-JSON body (a proxy's page, say) arrives as
 * undefined or text: the status line is the message then.
 */
export async function dataOf<A extends Answer>(call: Promise<A>): Promise<Success<A>['data']> {
  const answer = await call;
  if (succeeded(answer)) return answer.data;
  const { status, statusText } = answer.response;
  throw new ApiError(status, messageOf(answer.error) ?? `${status} ${statusText}`);
}

function messageOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : undefined;
}
