import type { MeResponse, Role, User } from '@bridgeboard/contract';
import { asAdmin, follow, socketClient, type App, type ClientSocket } from './app.js';

/** An answer, read once: status, headers and the parsed JSON body (null when there is none). */
export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  body?: unknown;
  /** Extra headers; they win over the session's own (pass `origin`, `cookie` or `x-csrf-token` to override them). */
  headers?: Record<string, string>;
  /** The `x-csrf-token` to send: the session's own by default, `null` for none. */
  csrf?: string | null;
}

/** Sends one request over real HTTP (no cookie, no Origin unless given) and reads the answer. */
export async function send<T = unknown>(
  url: string,
  method: string,
  path: string,
  opts: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer<T>> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.body !== undefined) headers['content-type'] ??= 'application/json';
  const res = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(opts.body !== undefined ? { body: typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** `name=value` pairs from a response's Set-Cookie headers (cleared cookies included, with an empty value). */
function cookiesOf(headers: Headers): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) out.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  return out;
}

/**
 * A browser-like signed-in user: the `bb_session` and `bb_csrf` cookies from sign-in, the
 * `csrfToken` from its answer, and the page's own `Origin` on every request.
 */
export class BrowserSession {
  constructor(
    readonly url: string,
    readonly me: MeResponse,
    /** The raw cookie values, as the browser would keep them (signed). */
    readonly cookies: { bb_session: string; bb_csrf: string },
  ) {}

  get username(): string {
    return this.me.user.username;
  }

  get csrfToken(): string {
    if (!this.me.csrfToken) throw new Error('no csrfToken in the sign-in answer');
    return this.me.csrfToken;
  }

  /** The `Cookie` header a browser would send; `bb_session` may be swapped for a forged one. */
  cookieHeader(session = this.cookies.bb_session, csrf = this.cookies.bb_csrf): string {
    return `bb_session=${session}; bb_csrf=${csrf}`;
  }

  /** Headers of a page of this server: the cookies and its Origin. */
  get headers(): Record<string, string> {
    return { cookie: this.cookieHeader(), origin: this.url };
  }

  request<T = unknown>(method: string, path: string, opts: RequestOptions = {}): Promise<Answer<T>> {
    const csrf = opts.csrf === undefined ? this.csrfToken : opts.csrf;
    return send<T>(this.url, method, path, {
      body: opts.body,
      headers: { ...this.headers, ...(csrf === null ? {} : { 'x-csrf-token': csrf }), ...opts.headers },
    });
  }

  get<T = unknown>(path: string, opts: RequestOptions = {}): Promise<Answer<T>> {
    return this.request<T>('GET', path, opts);
  }

  post<T = unknown>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<Answer<T>> {
    return this.request<T>('POST', path, { ...opts, body });
  }

  patch<T = unknown>(path: string, body?: unknown, opts: RequestOptions = {}): Promise<Answer<T>> {
    return this.request<T>('PATCH', path, { ...opts, body });
  }

  delete<T = unknown>(path: string, opts: RequestOptions = {}): Promise<Answer<T>> {
    return this.request<T>('DELETE', path, opts);
  }

  /** A socket opened by this page: its cookies and, unless told otherwise, its own Origin. */
  socket(origin: string = this.url): ClientSocket {
    const socket = socketClient(this.url, { headers: { cookie: this.cookieHeader(), origin } });
    socket.io.reconnection(false);
    return socket;
  }
}

/** Reads a sign-in (or setup) answer into a session; throws unless it signed someone in. */
export function sessionFrom(url: string, answer: Answer<MeResponse>): BrowserSession {
  if (answer.status !== 200) throw new Error(`sign-in answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  const cookies = cookiesOf(answer.headers);
  const session = cookies.get('bb_session');
  const csrf = cookies.get('bb_csrf');
  if (!session || !csrf) throw new Error(`sign-in set no bb_session/bb_csrf cookie: ${[...cookies.keys()].join(', ')}`);
  return new BrowserSession(url, answer.body, { bb_session: session, bb_csrf: csrf });
}

/** `POST /api/auth/login` from the server's own page, as the sign-in form does. */
export function login(url: string, username: string, password: string): Promise<Answer<MeResponse>> {
  return send<MeResponse>(url, 'POST', '/api/auth/login', { body: { username, password }, headers: { origin: url } });
}

/** Signs `username` in over real HTTP and keeps the session. */
export async function signIn(url: string, username: string, password: string): Promise<BrowserSession> {
  return sessionFrom(url, await login(url, username, password));
}

/** A password that passes the length rule, different for every user. */
export function passwordFor(username: string): string {
  return `pw-of-${username}-for-tests`;
}

/** Creates a user with the app's admin token (`POST /api/users`); returns it with its password. */
export async function createUser(
  app: App,
  username: string,
  role: Role,
  password = passwordFor(username),
): Promise<User & { password: string }> {
  const res = await app.inject({ method: 'POST', url: '/api/users', headers: asAdmin(app), payload: { username, password, role } });
  if (res.statusCode !== 201) throw new Error(`creating ${username} answered ${res.statusCode}: ${res.body}`);
  return { ...res.json<User>(), password };
}

/** Creates a user and signs it in. */
export async function newUser(app: App, url: string, username: string, role: Role): Promise<BrowserSession> {
  const user = await createUser(app, username, role);
  return signIn(url, username, user.password);
}

/**
 * How a socket's handshake ends: `snapshot` when it was let in, otherwise the `connect_error`
 * message. The socket is closed either way.
 */
export function handshake(socket: ClientSocket, timeoutMs = 5_000): Promise<string> {
  socket.io.reconnection(false);
  return new Promise((resolve) => {
    const done = (result: string) => {
      clearTimeout(timer);
      socket.disconnect();
      resolve(result);
    };
    const timer = setTimeout(() => done('timeout'), timeoutMs);
    socket.once('connect_error', (err) => done(`connect_error: ${err.message}`));
    socket.once('snapshot', () => done('snapshot'));
    follow(socket);
  });
}

/** Resolves with the reason once `socket` is disconnected (rejects after `timeoutMs`). */
export function disconnected(socket: ClientSocket, timeoutMs = 5_000): Promise<string> {
  return new Promise((resolve, reject) => {
    if (socket.disconnected && !socket.active) {
      resolve('already disconnected');
      return;
    }
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${timeoutMs} ms`)), timeoutMs);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

/** Resolves once `socket` is connected and has its first snapshot. */
export function connected(socket: ClientSocket, timeoutMs = 5_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no snapshot within ${timeoutMs} ms`)), timeoutMs);
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      reject(new Error(`handshake refused: ${err.message}`));
    });
    socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve();
    });
    follow(socket);
  });
}
