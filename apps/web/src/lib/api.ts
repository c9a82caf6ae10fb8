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

const READ_RETRIES = 3;

async function send(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(path, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? null : JSON.stringify(body),
  });
}

async function parse<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const json: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const message = (json as { message?: string } | null)?.message ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, message);
  }
  return json as T;
}

/**
 * A read, retried: a browser on the Docker host sees every interface Docker adds and aborts
 * in-flight requests with ERR_NETWORK_CHANGED, which surfaces as a TypeError here.
 */
export async function get<T>(path: string): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await parse<T>(await send('GET', path));
    } catch (err) {
      if (!(err instanceof TypeError) || attempt >= READ_RETRIES) throw err;
      await new Promise((r) => setTimeout(r, 200 * 2 ** attempt));
    }
  }
}

/** A mutation is sent once: retrying a connect after a lost answer could act twice. */
export async function mutate<T>(method: 'POST' | 'DELETE', path: string, body?: unknown): Promise<T> {
  return parse<T>(await send(method, path, body));
}
