/**
 * Issue 15's sign-in round trip: single sign-on as a browser does it, against a real OpenID
 * Provider (`oidc-provider`, the tests' own: apps/api/test/helpers/oidc-provider.ts) and the real
 * app, both on 127.0.0.1. Per sign-in: the app's `/start` → the provider's authorize, login and
 * consent pages → the app's callback (code exchange, ID-token checks against the JWKS, userinfo,
 * the account and the session) → `/api/auth/me`. See bench/README.md, (h).
 *
 *   npx tsx --conditions=source bench/sso-signin.ts      # ~10 s; SSO_BENCH_SIGNINS, SSO_BENCH_NEW
 *
 * Makes nothing on the engine: an in-memory database, accounts named `bbauthbench-…`.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { WEB_PAGES, type MeResponse, type Role } from '@bridgeboard/contract';
import { startApp, type App } from '../apps/api/test/helpers/app.js';
import { CLIENT_ID, CLIENT_SECRET, SsoBrowser, startProvider, type TestProvider } from '../apps/api/test/helpers/oidc-provider.js';
import { AUTH_PREFIX, countFrom, freeLoopbackPort, progress } from './auth-bench.js';
import { runToExit } from './lifecycle.js';
import { columnGroup, ms, msSpread, renderTable, type Column } from './table.js';

const SIGNINS = countFrom(process.env.SSO_BENCH_SIGNINS, 50, 'SSO_BENCH_SIGNINS');
const NEW_ACCOUNTS = countFrom(process.env.SSO_BENCH_NEW, 10, 'SSO_BENCH_NEW');

const GROUP = `${AUTH_PREFIX}ops`;
const USER = `${AUTH_PREFIX}sso`;
const newUser = (i: number) => `${AUTH_PREFIX}new-${i}`;

/** One sign-in, ms from the browser sending `/start`. */
interface SignIn {
  whole: number;
  start: number;
  /** The provider's pages: authorize, the login form, the consent form, and their redirects. */
  provider: number;
  callback: number;
  /** The app's own calls to the provider during the callback (until their headers), summed. */
  providerCalls: number;
  me: number;
}

/**
 * The app's calls to the provider, by path: openid-client calls the global `fetch` at each call,
 * so wrapping it times them without touching the app. The browser's own fetches (the provider's
 * pages) go to other paths and are not counted.
 */
const SERVER_PATHS = new Set(['/.well-known/openid-configuration', '/token', '/me', '/jwks']);
const providerCalls: { path: string; ms: number }[] = [];
let issuer = '';
const realFetch = globalThis.fetch;
globalThis.fetch = async (input, init) => {
  const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const path = href.startsWith(issuer) ? new URL(href).pathname : '';
  if (!issuer || !SERVER_PATHS.has(path)) return realFetch(input, init);
  const t0 = performance.now();
  const res = await realFetch(input, init);
  providerCalls.push({ path, ms: performance.now() - t0 });
  return res;
};

async function signIn(url: string, login: string, role: Role): Promise<{ times: SignIn; calls: string[] }> {
  const browser = new SsoBrowser();
  const before = providerCalls.length;
  const t0 = performance.now();
  const started = await browser.request(`${url}/api/auth/oidc/start`);
  await started.text();
  const t1 = performance.now();
  const to = started.headers.get('location') ?? '';
  if (started.status !== 302 || !to.startsWith(issuer)) throw new Error(`/start answered ${started.status} to ${to}`);
  const callback = await browser.walk(to, { appUrl: url, login, stopAtCallback: true });
  const t2 = performance.now();
  const seen = providerCalls.length;
  const back = await browser.request(callback.href);
  await back.text();
  const t3 = performance.now();
  const landed = back.headers.get('location');
  if (back.status !== 302 || landed !== WEB_PAGES.board) throw new Error(`callback answered ${back.status} to ${landed ?? 'nowhere'}`);
  const answer = await browser.request(`${url}/api/auth/me`);
  const me = (await answer.json()) as MeResponse;
  const t4 = performance.now();
  if (answer.status !== 200 || me.user.username !== login || me.user.role !== role || me.user.via !== 'session')
    throw new Error(`/api/auth/me answered ${answer.status}: ${JSON.stringify(me)}`);
  const duringCallback = providerCalls.slice(seen);
  return {
    times: {
      whole: t4 - t0,
      start: t1 - t0,
      provider: t2 - t1,
      callback: t3 - t2,
      providerCalls: duringCallback.reduce((sum, c) => sum + c.ms, 0),
      me: t4 - t3,
    },
    calls: providerCalls.slice(before).map((c) => c.path),
  };
}

/** `/token ×1, /me ×1` per sign-in, over a run's sign-ins. */
function callsPerSignIn(runs: { calls: string[] }[]): string {
  const counts = new Map<string, number>();
  for (const path of runs.flatMap((r) => r.calls)) counts.set(path, (counts.get(path) ?? 0) + 1);
  return [...counts].map(([path, n]) => `${path} ×${+(n / runs.length).toFixed(2)}`).join(', ') || 'none';
}

const STEPS: { label: string; of: (s: SignIn) => number }[] = [
  { label: 'whole round trip', of: (s) => s.whole },
  { label: "server's share: /start + callback", of: (s) => s.start + s.callback },
  { label: '  GET /api/auth/oidc/start', of: (s) => s.start },
  { label: '  GET /api/auth/oidc/callback', of: (s) => s.callback },
  { label: '    of which its calls to the provider', of: (s) => s.providerCalls },
  { label: '    the rest (checks, account, session)', of: (s) => s.callback - s.providerCalls },
  { label: 'provider: authorize, login, consent', of: (s) => s.provider },
  { label: 'GET /api/auth/me', of: (s) => s.me },
];

function table(first: SignIn, same: SignIn[], fresh: SignIn[]): string {
  const columns: Column[] = [
    ...columnGroup('step', [''], true),
    ...columnGroup('first (cold)', ['ms']),
    ...columnGroup(`same user ×${same.length}`, ['p50', 'p95', 'max']),
    ...(fresh.length ? columnGroup(`new account ×${fresh.length}`, ['p50', 'p95', 'max']) : []),
  ];
  const rows = STEPS.map(({ label, of }) => [
    label,
    ms(of(first)),
    ...msSpread(same.map(of)),
    ...(fresh.length ? msSpread(fresh.map(of)) : []),
  ]);
  return renderTable(columns, rows);
}

async function main(): Promise<void> {
  const started = performance.now();
  const port = await freeLoopbackPort();
  const url = `http://127.0.0.1:${port}`;
  const users = Object.fromEntries(
    [USER, ...Array.from({ length: NEW_ACCOUNTS }, (_, i) => newUser(i))].map((name) => [
      name,
      { preferred_username: name, email: `${name}@example.com`, groups: [GROUP] },
    ]),
  );
  let provider: TestProvider | null = null;
  let app: App | null = null;
  try {
    provider = await startProvider(url, users);
    issuer = provider.issuer;
    app = await startApp(
      {},
      {
        PUBLIC_URL: url,
        // The bench signs in more often than the default per-client limit of the sign-in routes allows.
        RATE_LIMIT_PER_MINUTE: '1000000',
        LOGIN_MAX_ATTEMPTS: '1000',
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: CLIENT_ID,
        OIDC_CLIENT_SECRET: CLIENT_SECRET,
        OIDC_GROUP_ROLES: `${GROUP}=operator`,
      },
    );
    await app.listen({ port, host: '127.0.0.1' });
    progress(`sso: app ${url}, provider ${provider.issuer}; ${SIGNINS} sign-ins of ${USER}, ${NEW_ACCOUNTS} new accounts`);

    // The app's first sign-in: discovery, the JWKS, and the account made.
    const first = await signIn(url, USER, 'operator');
    const same: Awaited<ReturnType<typeof signIn>>[] = [];
    for (let i = 0; i < SIGNINS; i++) same.push(await signIn(url, USER, 'operator'));
    const fresh: Awaited<ReturnType<typeof signIn>>[] = [];
    for (let i = 0; i < NEW_ACCOUNTS; i++) fresh.push(await signIn(url, newUser(i), 'operator'));
    const sessions = (app.db.prepare('SELECT COUNT(*) AS n FROM sessions').get() as { n: number }).n;
    if (sessions !== 1 + SIGNINS + NEW_ACCOUNTS) throw new Error(`expected ${1 + SIGNINS + NEW_ACCOUNTS} sessions, found ${sessions}`);

    const out = [
      '',
      `(h) Single sign-on round trip — node ${process.version}, ${new Date().toISOString()}, load average ${loadavg()[0]?.toFixed(2) ?? '?'}`,
      '    The app (buildServer, in-process) and oidc-provider on 127.0.0.1, driven by the tests’ SsoBrowser (fetch, cookies,',
      '    the provider’s development login and consent forms). All three share one Node process; the provider is on this',
      '    machine, so there is no network latency in any step: add the round trips to a real provider yourself.',
      '    ms from the browser sending /start; nearest-rank p50/p95/max.',
      '',
      table(
        first.times,
        same.map((r) => r.times),
        fresh.map((r) => r.times),
      ),
      '',
      `the app's calls to the provider per sign-in: first ${callsPerSignIn([first])}; same user ${callsPerSignIn(same)}` +
        (fresh.length ? `; new accounts ${callsPerSignIn(fresh)}` : ''),
      `every sign-in landed on ${WEB_PAGES.board} with a session; /api/auth/me named the user as operator (group ${GROUP})`,
      `total ${((performance.now() - started) / 1000).toFixed(0)} s`,
    ];
    process.stdout.write(`${out.join('\n')}\n`);
  } finally {
    globalThis.fetch = realFetch;
    await app?.close();
    await provider?.close();
  }
}

await runToExit(main, { prefix: AUTH_PREFIX, progress });
