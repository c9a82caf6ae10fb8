import Docker from 'dockerode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProbeResponse } from '@bridgeboard/contract';
import { PROBE_SCRIPT, PROBE_START, probeExec } from '../src/engine/probe-command.js';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

const ns = namespace('probepin');
const target = `${ns}-c`;

/** What the engine itself made and started for `container` since `since` (unix seconds): `exec_create: touch /tmp/x`, …. */
async function execEvents(container: string, since: number): Promise<string[]> {
  const until = (Date.now() / 1000 + 1).toFixed(3);
  // One JSON object a line: an action holds the probe's script, newlines and all.
  const out = await docker(
    'events',
    '--since',
    since.toFixed(3),
    '--until',
    until,
    '--filter',
    `container=${container}`,
    '--format',
    '{{json .}}',
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { Action: string }).Action)
    .filter((a) => /^exec_(create|start): /.test(a));
}

describe('exec is pinned to the live probe, in the docker client itself', () => {
  let app: App;
  let since = 0;
  // Someone else on the same engine, not behind Bridgeboard's allowlist.
  const outsider = new Docker();

  beforeAll(async () => {
    await runContainer(target, '--dns', '127.0.0.1');
    // Someone for the probe to reach on the default bridge, whatever else runs on the engine.
    await runContainer(`${ns}-peer`, '--dns', '127.0.0.1');
    app = await startApp();
    const on = await app.inject({ method: 'PUT', url: '/api/settings', headers: asAdmin(app), payload: { probesEnabled: true } });
    expect(on.json()).toEqual({ probesEnabled: true });
    since = Date.now() / 1000 - 0.5;
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  it('refuses any other command, any other field and any odd target before the engine sees an exec', async () => {
    const container = app.defaultEngine.docker.getContainer(target);
    const fields = { AttachStdout: true, AttachStderr: true, Tty: false };
    await expect(container.exec({ Cmd: ['touch', '/tmp/pwned'], ...fields })).rejects.toThrow(/allowlist.*not the probe script/);
    await expect(container.exec({ Cmd: ['sh', '-c', 'touch /tmp/pwned', 'probe'], ...fields })).rejects.toThrow(/not the probe script/);
    await expect(container.exec({ ...probeExec(['db']), User: 'root', Privileged: true })).rejects.toThrow(/never sets: User, Privileged/);
    await expect(container.exec({ ...probeExec(['db']), Env: ['PATH=/tmp'] })).rejects.toThrow(/never sets: Env/);
    // A ping option (flood) or shell as a "target": refused, though the script never runs its arguments as shell.
    await expect(container.exec(probeExec(['-f', '10.0.0.1']))).rejects.toThrow(/target "-f"/);
    await expect(container.exec(probeExec(['$(touch /tmp/pwned)']))).rejects.toThrow(/target/);
    // Exec inspect is gone from the allowlist: nothing used it.
    await expect(app.defaultEngine.docker.getExec('a'.repeat(64)).inspect()).rejects.toThrow(/allowlist: GET \/exec\/\{id\}\/json/);
  });

  it('starts only an exec it created itself: not one someone else left waiting', async () => {
    const theirs = await outsider.getContainer(target).exec({ Cmd: ['touch', '/tmp/outsider'], AttachStdout: true, AttachStderr: true });
    await expect(app.defaultEngine.docker.getExec(theirs.id).start({ ...PROBE_START })).rejects.toThrow(/not created by the probe/);
  });

  it('still runs the probe itself, and the engine saw that exec and none of the others', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/engines/local/reachability/probe',
      headers: asAdmin(app),
      payload: { from: target },
    });
    expect(res.statusCode).toBe(200);
    const pairs = res.json<ProbeResponse>().pairs;
    expect(pairs.length).toBeGreaterThan(0);
    expect(pairs.every((p) => p.note === null && p.observed !== null)).toBe(true);

    const seen = await execEvents(target, since);
    const probe = `sh -c ${PROBE_SCRIPT} probe`;
    // The probe's exec, created and started; the outsider's created, never started; nothing of ours refused.
    expect(seen.filter((a) => a.startsWith(`exec_create: ${probe}`))).toHaveLength(1);
    expect(seen.filter((a) => a.startsWith(`exec_start: ${probe}`))).toHaveLength(1);
    expect(seen.filter((a) => !a.includes(probe))).toEqual(['exec_create: touch /tmp/outsider']);
    expect(await docker('exec', target, 'ls', '/tmp')).toBe('');
  });
});
