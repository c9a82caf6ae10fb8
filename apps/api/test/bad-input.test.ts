import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InjectOptions } from 'fastify';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, engineState, namespace, runContainer } from './helpers/engine.js';

/**
 * Bad input never reaches the engine, and what the engine refuses comes back as a 4xx: every case
 * checks the status, that the message names the field or the reason, and that the engine holds
 * exactly what it held before the request.
 */

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
}

interface Attempt {
  status: number;
  body: ErrorBody;
  before: string;
  after: string;
}

const ns = namespace('badinput');
/** A user-defined network that exists for the whole file (duplicate name, overlap, connect target). */
const NET = `${ns}-net`;
const NET_SUBNET = '10.201.0.0/24';
/** A network with two live endpoints, for removal refused. */
const BUSY = `${ns}-busy`;
const BUSY_A = `${ns}-busy-a`;
const BUSY_B = `${ns}-busy-b`;
/** A container on the default bridge only, attached to nothing the tests make. */
const LOOSE = `${ns}-loose`;
/** A container that is connected to NET once through the API, then a second time. */
const TWICE = `${ns}-twice`;
/** `--network container:OWNER`. */
const OWNER = `${ns}-owner`;
const SHARED = `${ns}-shared`;
const HOST_MODE = `${ns}-hostmode`;
const NONE_MODE = `${ns}-nonemode`;

let app: App | undefined;

function theApp(): App {
  if (!app) throw new Error('app not started');
  return app;
}

interface EngineSnapshot {
  networks: { id: string; name: string; config: unknown; options: unknown; endpoints: string[] }[];
  containers: string[];
}

/**
 * Objects another run owns: other test files' namespaces (`bbt-<label>-…`) and the benchmark's
 * (`bbbench-…`, scripts/bench.sh). This file never touches them, and they come and go on their own.
 */
const foreign = (name: string): boolean => (name.startsWith('bbt-') && !name.startsWith(`${ns}-`)) || name.startsWith('bbbench-');

/**
 * `engineState()`, made comparable:
 * - each container's network list is sorted: `docker ps --format {{.Networks}}` prints them in Go
 *   map order, which changes from one call to the next;
 * - objects in another test file's namespace are left out, and so are endpoints of containers the
 *   same snapshot's `docker ps -a` does not list (one made and removed between its two reads), so
 *   that a suite or the bench running against the same engine at the same moment is not taken for
 *   a change this request made.
 */
async function snapshot(): Promise<string> {
  const state = JSON.parse(await engineState()) as EngineSnapshot;
  const containers = state.containers
    .map((line) => line.split(' '))
    .filter(([, name = '']) => !foreign(name))
    .map(([id = '', name = '', networks = '']) => ({ id, line: `${id} ${name} ${networks.split(',').sort().join(',')}` }));
  const networks = state.networks
    .filter((n) => !foreign(n.name))
    .map((n) => ({ ...n, endpoints: n.endpoints.filter((e) => containers.some((c) => c.id !== '' && e.startsWith(c.id))) }));
  return JSON.stringify({ networks, containers: containers.map((c) => c.line) });
}

/** Sends one request and reads the engine on either side of it. */
async function attempt(opts: InjectOptions): Promise<Attempt> {
  const before = await snapshot();
  const res = await theApp().inject({ ...opts, headers: { ...asAdmin(theApp()), ...opts.headers } });
  const after = await snapshot();
  return { status: res.statusCode, body: res.json<ErrorBody>(), before, after };
}

/** The error envelope is well-formed and agrees with the HTTP status. */
function expectErrorBody(r: Attempt): void {
  expect(r.body.statusCode).toBe(r.status);
  expect(typeof r.body.error).toBe('string');
  expect(typeof r.body.message).toBe('string');
  expect(r.body.message.length).toBeGreaterThan(0);
}

const createNetwork = (payload: Record<string, unknown>): Promise<Attempt> =>
  attempt({ method: 'POST', url: '/api/engines/local/networks', payload });
const connect = (network: string, payload: Record<string, unknown>): Promise<Attempt> =>
  attempt({ method: 'POST', url: `/api/engines/local/networks/${encodeURIComponent(network)}/connections`, payload });

beforeAll(async () => {
  await cleanup(ns);
  await docker('network', 'create', '--subnet', NET_SUBNET, NET);
  await docker('network', 'create', '--subnet', '10.202.0.0/24', BUSY);
  await runContainer(BUSY_A, '--network', BUSY);
  await runContainer(BUSY_B);
  await docker('network', 'connect', BUSY, BUSY_B);
  await runContainer(LOOSE);
  await runContainer(TWICE);
  await runContainer(OWNER);
  await runContainer(SHARED, '--network', `container:${OWNER}`);
  await runContainer(HOST_MODE, '--network', 'host');
  await runContainer(NONE_MODE, '--network', 'none');
  app = await startApp();
});

afterAll(async () => {
  // Engine objects first: should closing the app ever hang, nothing of ours is left behind.
  try {
    await cleanup(ns);
  } finally {
    await app?.close();
  }
});

describe('POST /api/engines/:engine/networks: bad names', () => {
  it.each([
    ['a space', 'a b'],
    ['a path', '../x'],
    ['300 characters', 'n'.repeat(300)],
    ['an empty string', ''],
  ])('refuses %s with 400 naming the field', async (_label, name) => {
    const r = await createNetwork({ name });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('name');
    expect(r.after).toBe(r.before);
  });

  it('refuses an existing name with 409 naming it', async () => {
    const r = await createNetwork({ name: NET });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toContain(NET);
    expect(r.after).toBe(r.before);
  });

  it.each(['bridge', 'host', 'none'])('refuses the reserved name %s with a 4xx naming it', async (name) => {
    const r = await createNetwork({ name });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expectErrorBody(r);
    expect(r.body.message).toContain(`'${name}'`);
    expect(r.after).toBe(r.before);
  });
});

describe('POST /api/engines/:engine/networks: bad addresses', () => {
  it.each(['10.0.0.0/33', '300.1.1.1/24'])('refuses the subnet %s with 400 naming subnet', async (subnet) => {
    const r = await createNetwork({ name: `${ns}-cidr`, subnets: [{ subnet }] });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('subnet');
    expect(r.body.message).toContain(subnet);
    expect(r.after).toBe(r.before);
  });

  it('refuses a gateway outside the subnet with 400 naming gateway', async () => {
    const r = await createNetwork({ name: `${ns}-gw`, subnets: [{ subnet: '10.203.0.0/24', gateway: '10.204.0.1' }] });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('gateway');
    expect(r.body.message).toContain('10.204.0.1');
    expect(r.after).toBe(r.before);
  });

  it('refuses an IP range outside the subnet with 400 naming ipRange', async () => {
    const r = await createNetwork({ name: `${ns}-range`, subnets: [{ subnet: '10.203.0.0/24', ipRange: '10.204.0.0/25' }] });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('ipRange');
    expect(r.body.message).toContain('10.204.0.0/25');
    expect(r.after).toBe(r.before);
  });

  it("refuses a subnet overlapping an existing network with 409 and the engine's own message", async () => {
    const r = await createNetwork({ name: `${ns}-overlap`, subnets: [{ subnet: '10.201.0.0/25' }] });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toMatch(/overlap/i);
    expect(r.after).toBe(r.before);
  });
});

describe('POST /api/engines/:engine/networks: bad options and unknown fields', () => {
  it.each([10, 70000])('refuses MTU %i with 400 naming mtu', async (mtu) => {
    const r = await createNetwork({ name: `${ns}-mtu`, options: { mtu } });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('mtu');
    expect(r.after).toBe(r.before);
  });

  it('refuses an unknown driver with 400 naming driver', async () => {
    const r = await createNetwork({ name: `${ns}-drv`, driver: 'foo' });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('driver');
    expect(r.after).toBe(r.before);
  });

  it.each([
    ['top level', { colour: 'red' }, 'colour'],
    ['a subnet', { subnets: [{ subnet: '10.205.0.0/24', vlan: 7 }] }, 'vlan'],
    ['the options', { options: { mtu: 1500, jumbo: true } }, 'jumbo'],
  ])('refuses an unknown field at %s with 400 naming it', async (_where, extra, field) => {
    const r = await createNetwork({ name: `${ns}-unknown`, ...extra });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain(field);
    expect(r.body.message).toMatch(/unknown field/i);
    expect(r.after).toBe(r.before);
  });

  it('refuses a 2 MB body with 413', async () => {
    const r = await attempt({
      method: 'POST',
      url: '/api/engines/local/networks',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: `${ns}-big`, labels: { filler: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(r.status).toBe(413);
    expectErrorBody(r);
    expect(r.body.message).toMatch(/too large/i);
    expect(r.after).toBe(r.before);
  });
});

describe('ids that try to leave their path segment', () => {
  it.each([
    ['DELETE', '/api/engines/local/networks/..%2Fx'],
    ['DELETE', '/api/engines/local/networks/a%2Fb'],
    ['DELETE', '/api/engines/local/networks/%2e%2e'],
    ['DELETE', '/api/engines/local/networks/..'],
    ['DELETE', `/api/engines/local/networks/..%2F..%2Fcontainers%2F${LOOSE}`],
    ['DELETE', '/api/engines/local/networks/a%00b'],
    ['POST', '/api/engines/local/networks/a%2Fb/connections'],
    ['POST', '/api/engines/local/networks/..%2Fx/connections'],
    ['DELETE', '/api/engines/local/networks/x/connections/..'],
    ['DELETE', `/api/engines/local/networks/${NET}/connections/..%2F${LOOSE}`],
    ['DELETE', `/api/engines/local/networks/${NET}/connections/%2e%2e`],
    ['DELETE', '/api/engines/local/networks/a%2Fb/connections/c%2Fd'],
  ] as const)('%s %s is a 400 or 404, never a 5xx', async (method, url) => {
    const r = await attempt({ method, url, ...(method === 'POST' && { payload: { container: LOOSE } }) });
    expect([400, 404]).toContain(r.status);
    expectErrorBody(r);
    if (r.status === 400) expect(r.body.message).toMatch(/params/);
    else expect(r.body.message).toMatch(/not found|no route/i);
    expect(r.after).toBe(r.before);
  });

  it.each([
    ['an id over the schema limit', `/api/engines/local/networks/${'a'.repeat(150)}`],
    ['an id over the router limit', `/api/engines/local/networks/${'a'.repeat(300)}`],
    ['a container over the router limit', `/api/engines/local/networks/${NET}/connections/${'b'.repeat(300)}`],
  ])('DELETE with %s is a 4xx naming the parameter, never a 5xx', async (_label, url) => {
    const r = await attempt({ method: 'DELETE', url });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expectErrorBody(r);
    expect(r.body.message).toMatch(/param/);
    expect(r.after).toBe(r.before);
  });

  it('refuses a container reference that is a path with 400 naming container', async () => {
    const r = await connect(NET, { container: `../containers/${LOOSE}` });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('container');
    expect(r.after).toBe(r.before);
  });
});

describe('POST /api/engines/:engine/networks/:id/connections', () => {
  it('refuses an unknown container with 404 naming it', async () => {
    const ghost = `${ns}-ghost`;
    const r = await connect(NET, { container: ghost });
    expect(r.status).toBe(404);
    expectErrorBody(r);
    expect(r.body.message).toContain(ghost);
    expect(r.after).toBe(r.before);
  });

  it.each(['host', 'none'])('refuses connecting to %s with a 4xx naming it', async (network) => {
    const r = await connect(network, { container: LOOSE });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expectErrorBody(r);
    expect(r.body.message).toContain(`'${network}'`);
    expect(r.after).toBe(r.before);
  });

  it('refuses a container: mode container with 409 naming it', async () => {
    const r = await connect(NET, { container: SHARED });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toContain(SHARED);
    expect(r.body.message).toMatch(/container: mode|another container/);
    expect(r.after).toBe(r.before);
  });

  it.each([
    [HOST_MODE, 'host'],
    [NONE_MODE, 'none'],
  ])('refuses %s (%s mode) on a user-defined network with 409 naming it', async (container, mode) => {
    const r = await connect(NET, { container });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toContain(container);
    expect(r.body.message).toContain(`${mode} mode`);
    expect(r.after).toBe(r.before);
  });

  it('refuses a second connect of the same pair with 409', async () => {
    const first = await theApp().inject({
      method: 'POST',
      url: `/api/engines/local/networks/${NET}/connections`,
      headers: asAdmin(theApp()),
      payload: { container: TWICE },
    });
    expect(first.statusCode).toBe(201);

    const r = await connect(NET, { container: TWICE });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toContain(TWICE);
    expect(r.body.message).toContain(NET);
    expect(r.body.message).toMatch(/already connected/);
    expect(r.after).toBe(r.before);
  });

  it('refuses a static IPv4 outside the subnet with 400 naming ipv4Address', async () => {
    const r = await connect(NET, { container: LOOSE, ipv4Address: '10.206.0.5' });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('ipv4Address');
    expect(r.body.message).toContain('10.206.0.5');
    expect(r.after).toBe(r.before);
  });

  it('refuses a static IPv4 that is not an address with 400 naming ipv4Address', async () => {
    const r = await connect(NET, { container: LOOSE, ipv4Address: '10.201.0.300' });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('ipv4Address');
    expect(r.after).toBe(r.before);
  });
});

describe('DELETE /api/engines/:engine/networks/:id/connections/:container', () => {
  it('refuses a container that is not attached with 404 naming both', async () => {
    const r = await attempt({ method: 'DELETE', url: `/api/engines/local/networks/${NET}/connections/${LOOSE}` });
    expect(r.status).toBe(404);
    expectErrorBody(r);
    expect(r.body.message).toContain(LOOSE);
    expect(r.body.message).toContain(NET);
    expect(r.after).toBe(r.before);
  });

  it('refuses an unknown query field with 400 naming it', async () => {
    const r = await attempt({ method: 'DELETE', url: `/api/engines/local/networks/${BUSY}/connections/${BUSY_A}?forse=true` });
    expect(r.status).toBe(400);
    expectErrorBody(r);
    expect(r.body.message).toContain('forse');
    expect(r.after).toBe(r.before);
  });
});

describe('DELETE /api/engines/:engine/networks/:id', () => {
  it.each(['bridge', 'host', 'none'])('refuses removing %s with 403 naming it', async (name) => {
    const r = await attempt({ method: 'DELETE', url: `/api/engines/local/networks/${name}` });
    expect(r.status).toBe(403);
    expectErrorBody(r);
    expect(r.body.message).toContain(`'${name}'`);
    expect(r.after).toBe(r.before);
  });

  it('refuses removing a network with live endpoints with 409 naming the containers', async () => {
    const r = await attempt({ method: 'DELETE', url: `/api/engines/local/networks/${BUSY}` });
    expect(r.status).toBe(409);
    expectErrorBody(r);
    expect(r.body.message).toContain(`'${BUSY}'`);
    expect(r.body.message).toContain(BUSY_A);
    expect(r.body.message).toContain(BUSY_B);
    expect(r.after).toBe(r.before);
  });
});
