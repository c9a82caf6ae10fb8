import { execFile } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbedPair, ProbeResponse, ReachabilityResponse } from '@bridgeboard/contract';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, inspectNetwork, runContainer, namespace } from './helpers/engine.js';

const run = promisify(execFile);
const ns = namespace('probev');
const n = (name: string) => `${ns}-${name}`;
const NOSH_IMAGE = `${ns}-nosh:test`;
const NOPING_IMAGE = `${ns}-noping:test`;

/** An image of the given files only (path in the image → file on this machine), as `docker import` makes it. */
async function importImage(image: string, files: Record<string, string>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bb-probe-image-'));
  try {
    for (const [inImage, source] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, inImage)), { recursive: true });
      copyFileSync(source, join(dir, inImage));
      chmodSync(join(dir, inImage), 0o755);
    }
    await run('sh', ['-c', `tar -C "$1" -c . | docker import --change 'ENV PATH=/bin' - "$2"`, 'import', dir, image]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A dynamically linked program with the libraries `ldd` names, at the same paths. */
async function withLibraries(program: string): Promise<Record<string, string>> {
  const { stdout } = await run('ldd', [program]);
  const libs = [...stdout.matchAll(/(\/\S+) \(0x/g)].map((m) => m[1] ?? '').filter(Boolean);
  return Object.fromEntries(libs.map((lib) => [lib, lib]));
}

const gateway = async (network: string) => (await inspectNetwork(network)).IPAM.Config?.[0]?.Gateway ?? '';
const subnet = async (network: string) => (await inspectNetwork(network)).IPAM.Config?.[0]?.Subnet ?? '';
const ipOn = async (container: string) => docker('inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', container);

/**
 * Probes on a stack where the pure model is wrong, made wrong the ways real containers are: a VPN-
 * like container whose routes were changed by hand, an /etc/hosts entry the engine did not write,
 * and containers that lack the tools the probe needs or may not use ping.
 */
describe('probe verdicts: what answered, not what was predicted', () => {
  let app: App | undefined;
  let pairs: ProbedPair[];
  let predictedFromA: ReachabilityResponse['pairs'];
  let g1 = '';
  let g2 = '';
  const pair = (from: string, to: string) => {
    const p = pairs.find((x) => x.from === n(from) && x.to === n(to));
    if (!p) throw new Error(`no pair ${from} → ${to}`);
    return p;
  };

  beforeAll(async () => {
    const busybox = (await run('sh', ['-c', 'command -v busybox'])).stdout.trim();
    // No shell at all (a distroless-like image): one static binary that sleeps.
    await importImage(NOSH_IMAGE, { '/bin/sleep': busybox });
    // A shell but no ping (a slim image): dash with its libraries, and the same sleeper.
    await importImage(NOPING_IMAGE, { '/bin/sh': '/bin/dash', '/bin/sleep': busybox, ...(await withLibraries('/bin/dash')) });
    await docker('network', 'create', n('n1'));
    await docker('network', 'create', n('n2'));
    [g1, g2] = [await gateway(n('n1')), await gateway(n('n2'))];
    const dns = ['--dns', '127.0.0.1'];
    await runContainer(n('a'), ...dns, '--network', n('n1'), '--cap-add', 'NET_ADMIN');
    await runContainer(n('b'), ...dns, '--network', n('n1'));
    await runContainer(n('c'), ...dns, '--network', n('n2'));
    await runContainer(n('h'), ...dns, '--network', 'host');
    await runContainer(n('e'), ...dns);
    await runContainer(n('d'), ...dns, '--add-host', `${n('e')}:${await ipOn(n('e'))}`);
    await runContainer(n('noraw'), ...dns, '--network', n('n1'), '--cap-drop', 'NET_RAW');
    for (const [name, image] of [
      ['nosh', NOSH_IMAGE],
      ['noping', NOPING_IMAGE],
    ] as const) {
      await docker('run', '-d', '--init', '--name', n(name), ...dns, '--network', n('n1'), image, 'sleep', '1000000000');
    }
    // By hand, as a VPN client would: a's routes to its own network and the world are gone; one
    // host route is left, to the host's address on n2, a bridge a is not on.
    await docker(
      'exec',
      n('a'),
      'sh',
      '-c',
      `ip route del default && ip route del ${await subnet(n('n1'))} dev eth0 && ip route add ${g2} dev eth0`,
    );

    app = await startApp();
    await app.inject({ method: 'PUT', url: '/api/settings', headers: asAdmin(app), payload: { probesEnabled: true } });
    const names = ['a', 'b', 'c', 'h', 'd', 'e', 'noraw', 'nosh', 'noping'].map(n);
    const res = await app.inject({
      method: 'POST',
      url: '/api/engines/local/reachability/probe',
      headers: asAdmin(app),
      payload: { containers: names },
    });
    expect(res.statusCode).toBe(200);
    pairs = res.json<ProbeResponse>().pairs;
    const fromA = await app.inject({ method: 'GET', url: `/api/engines/local/reachability?from=${n('a')}`, headers: asAdmin(app) });
    predictedFromA = fromA.json<ReachabilityResponse>().pairs;
    expect(pairs).toHaveLength(names.length * (names.length - 1));
  }, 180_000);
  afterAll(async () => {
    await app?.close();
    await cleanup(ns);
    for (const image of [NOSH_IMAGE, NOPING_IMAGE]) await docker('image', 'rm', image).catch(() => undefined);
  });

  it('shows where the model is wrong: a container whose routes were changed by hand reaches nothing on its network', () => {
    const ab = pair('a', 'b');
    expect(ab.predicted).toEqual({ byName: true, byIp: true });
    expect(ab.observed).toEqual({ byName: false, byIp: false });
    expect(ab.agrees).toBe(false);
    expect(ab.tried[n('b')]).toBe(false);
    // Nor does anything on n1 reach a: its answers have no way back.
    expect(pair('b', 'a')).toMatchObject({ predicted: { byName: true, byIp: true }, observed: { byName: false, byIp: false } });
  });

  it('judges a pair by what answered, also at an address the prediction does not list', () => {
    // The model has a reach the host-mode h at the host's address on a's own bridge, n1 …
    expect(predictedFromA.find((p) => p.to === n('h'))?.addresses).toEqual([g1]);
    // … which no longer answers; the host's address on n2 does, so a does reach h by IP.
    const ah = pair('a', 'h');
    expect(ah.tried[g1]).toBe(false);
    expect(ah.tried[g2]).toBe(true);
    expect(ah).toMatchObject({ predicted: { byName: false, byIp: true }, observed: { byName: false, byIp: true }, agrees: true });
  });

  it('shows a reach the model misses: a name in /etc/hosts on the default bridge', () => {
    const de = pair('d', 'e');
    expect(de).toMatchObject({ predicted: { byName: false, byIp: true }, observed: { byName: true, byIp: true }, agrees: false });
    expect(de.tried[n('e')]).toBe(true);
    expect(pair('e', 'd')).toMatchObject({ observed: { byName: false, byIp: true }, agrees: true });
  });

  it('does not probe from a container without sh or ping, or where ping may not send, and says why', () => {
    const reasons = {
      noping: `${n('noping')} has no ping: the probe runs sh, ping, timeout, sed and head inside it`,
      noraw: `ping cannot send from ${n('noraw')} (ping: permission denied (are you root?)), so no answer there would prove nothing`,
      nosh: `${n('nosh')} has no sh: the probe runs sh, ping, timeout, sed and head inside it`,
    };
    for (const [from, note] of Object.entries(reasons)) {
      const out = pairs.filter((p) => p.from === n(from));
      expect(out).toHaveLength(8);
      for (const p of out) expect(p, `${p.from} → ${p.to}`).toMatchObject({ observed: null, agrees: null, note, tried: {} });
    }
    // They are still there to be reached: their kernels answer ping.
    for (const to of ['nosh', 'noping', 'noraw'])
      expect(pair('b', to)).toMatchObject({ observed: { byName: true, byIp: true }, agrees: true });
  });

  it('agrees everywhere else', () => {
    const differ = pairs.filter((p) => p.agrees === false).map((p) => `${p.from} → ${p.to}`.replaceAll(`${ns}-`, ''));
    const fromA = ['b', 'noraw', 'nosh', 'noping'].map((to) => `a → ${to}`);
    expect(differ.sort()).toEqual([...fromA, 'b → a', 'd → e', 'h → a'].sort());
    expect(pairs.filter((p) => p.observed !== null).every((p) => p.note === null)).toBe(true);
  });
});
