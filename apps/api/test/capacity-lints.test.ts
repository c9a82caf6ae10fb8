import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExposureResponse, HostFactsResponse } from '@bridgeboard/contract';
import { hostFactsOf, parseRoutes, type ProcRoute } from '../src/services/host-facts.js';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace } from './helpers/engine.js';

/**
 * The capacity lints that need the host, on the real engine and this host's real routes: a network
 * whose subnet overlaps one of the host's own routes, and one whose MTU is larger than the uplink's.
 */

const ns = namespace('capacity');
const run = promisify(execFile);

const toNumber = (ip: string): number => ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
const toIp = (n: number): string => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
const rangeOf = (cidr: string): [number, number] => {
  const [ip = '', prefix = '0'] = cidr.split('/');
  const size = 2 ** (32 - Number(prefix));
  const start = toNumber(ip) - (toNumber(ip) % size);
  return [start, start + size - 1];
};
const meet = (a: string, b: string): boolean => {
  const [[a0, a1], [b0, b1]] = [rangeOf(a), rangeOf(b)];
  return a0 <= b1 && b0 <= a1;
};

/**
 * A subnet that overlaps the host route `r` without taking any address from it: the route's
 * supernet (one bit shorter), with the gateway at the top of the half the route does not cover.
 * The route is more specific, so the host keeps sending its traffic for those addresses where it
 * did; only the other half, which no route of the host holds, would go to the new bridge. Only a
 * route that is the lower half of its supernet, so the two never share a broadcast address.
 */
function besideRoute(r: ProcRoute, all: ProcRoute[]): { subnet: string; gateway: string } | null {
  const prefix = Number(r.destination.split('/')[1]);
  if (prefix < 9 || prefix > 29) return null;
  const [start] = rangeOf(r.destination);
  const size = 2 ** (32 - prefix);
  if (start % (size * 2) !== 0) return null;
  const upper = `${toIp(start + size)}/${prefix}`;
  if (all.some((x) => x.destination !== '0.0.0.0/0' && meet(x.destination, upper))) return null;
  return { subnet: `${toIp(start)}/${prefix - 1}`, gateway: toIp(start + 2 * size - 2) };
}

describe('capacity lints against this host (route-overlap, mtu)', () => {
  let app: App;
  let routes: ProcRoute[];
  let uplinkMtu: number | null;
  const exposure = async () =>
    (await app.inject({ method: 'GET', url: '/api/engines/local/exposure', headers: asAdmin(app) })).json<ExposureResponse>();
  const lintsOf = async (code: string, network: string) =>
    (await exposure()).lints.filter((l) => l.code === code && l.networks.includes(network));

  beforeAll(async () => {
    await cleanup('bbt-capacity-');
    routes = parseRoutes(await readFile('/proc/net/route', 'utf8'));
    const uplink = routes.find((r) => r.destination === '0.0.0.0/0');
    uplinkMtu = uplink ? Number((await readFile(`/sys/class/net/${uplink.interface}/mtu`, 'utf8')).trim()) : null;
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it("answers the host's uplink, as `ip route` names it, and its routes that are not Docker's", async (ctx) => {
    const res = await app.inject({ method: 'GET', url: '/api/engines/local/exposure/host-facts', headers: asAdmin(app) });
    expect(res.statusCode).toBe(200);
    const { host } = res.json<HostFactsResponse>();
    const viaIp = await run('ip', ['-4', 'route', 'show', 'default']).then(
      (out) => out.stdout,
      () => '',
    );
    const dev = /\bdev (\S+)/.exec(viaIp)?.[1];
    if (!dev) ctx.skip('this host has no default route, or no `ip` to name it');
    expect(host?.uplink).toEqual({ name: dev, mtu: uplinkMtu });
    expect(host?.routes.some((r) => /^(docker0|br-|veth|docker_gwbridge)/.test(r.interface))).toBe(false);
    expect(host).toEqual(hostFactsOf(routes, uplinkMtu));
  });

  it("flags a network whose subnet overlaps one of the host's routes, and not one that is apart", async (ctx) => {
    const host = hostFactsOf(routes, uplinkMtu);
    // The uplink's own LAN first (eth0's subnet), as a user's would be.
    const candidates = [...host.routes]
      .sort((a, b) => Number(b.interface === host.uplink?.name) - Number(a.interface === host.uplink?.name))
      .map((r) => ({ route: r, plan: besideRoute({ ...r, metric: 0, mtu: 0 }, routes) }))
      .filter((c) => c.plan !== null);
    const pick = candidates[0];
    if (!pick?.plan)
      return ctx.skip("this host has no route of its own (besides Docker's and the default) with room beside it for a test subnet");
    const { route, plan } = pick;
    await docker('network', 'create', '--subnet', plan.subnet, '--gateway', plan.gateway, `${ns}-route`);
    await docker('network', 'create', `${ns}-apart`);
    await expect
      .poll(() => lintsOf('route-overlap', `${ns}-route`), { timeout: 5_000 })
      .toEqual([
        expect.objectContaining({
          severity: 'warning',
          networks: [`${ns}-route`],
          message: `'${ns}-route' (${plan.subnet}) overlaps the host's route ${route.destination} via '${route.interface}'.`,
          fix: null,
          advice: expect.stringContaining('--subnet') as string,
        }),
      ]);
    expect(await lintsOf('route-overlap', `${ns}-apart`)).toEqual([]);
  });

  it("flags a bridge network whose MTU is larger than the uplink's, and not one that fits", async (ctx) => {
    const uplink = uplinkMtu;
    if (uplink === null) return ctx.skip('this host has no default route: no uplink to weigh an MTU against');
    if (uplink >= 9000) return ctx.skip(`the uplink's MTU is ${uplink}: 9000 fits`);
    await docker('network', 'create', '-o', 'com.docker.network.driver.mtu=9000', `${ns}-jumbo`);
    await docker('network', 'create', '-o', `com.docker.network.driver.mtu=${uplink}`, `${ns}-fits`);
    await expect
      .poll(() => lintsOf('mtu', `${ns}-jumbo`), { timeout: 5_000 })
      .toEqual([
        expect.objectContaining({
          severity: 'warning',
          message: expect.stringMatching(
            new RegExp(`^'${ns}-jumbo' has MTU 9000, larger than the host uplink '\\S+' \\(${uplink}\\)\\.$`),
          ) as string,
        }),
      ]);
    expect(await lintsOf('mtu', `${ns}-fits`)).toEqual([]);
  });

  it("hands out subnets from Docker's default pools, the ones address-pools counts against", async () => {
    await docker('network', 'create', `${ns}-pooled`);
    const subnet = await docker('network', 'inspect', '-f', '{{range .IPAM.Config}}{{.Subnet}}{{end}}', `${ns}-pooled`);
    expect(subnet, 'the engine has default-address-pools of its own: address-pools counts against the wrong pools').toMatch(
      /^(172\.(1[7-9]|2\d|3[01])\.0\.0\/16|192\.168\.\d{1,3}\.0\/20)$/,
    );
  });
});
