import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditPage, MigrationBody, MigrationPlanBody } from '@bridgeboard/contract';
import { StepsFailedError } from '../src/errors.js';
import { applyMigration } from '../src/services/migration.js';
import { asAdmin, startApp, type App } from './helpers/app.js';
import { cleanup, docker, namespace, runContainer } from './helpers/engine.js';

/** Undoing a migration that failed after containers left their network: what comes back, and what the plan said first. */
const ns = namespace('migundo');
// --dns 127.0.0.1: a name the engine's DNS does not know is never asked of a resolver off this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];

interface EndpointSettings {
  IPAMConfig: { IPv4Address?: string; IPv6Address?: string } | null;
  Links: string[] | null;
  Aliases: string[] | null;
  IPAddress: string;
  GlobalIPv6Address: string;
}

/** The container's endpoint on `network`, as `docker inspect` shows it. */
async function endpointOn(container: string, network: string): Promise<EndpointSettings | undefined> {
  const networks = JSON.parse(await docker('inspect', '-f', '{{json .NetworkSettings.Networks}}', container)) as Record<
    string,
    EndpointSettings
  >;
  return networks[network];
}

/** The IPv4 address `name` resolves to through the network's own DNS (127.0.0.11), bypassing /etc/hosts. */
async function dnsAnswer(from: string, name: string): Promise<string | null> {
  // Only the A record: the AAAA answer (the network has IPv6) may come first.
  const out = await docker('exec', from, 'nslookup', '-type=a', name, '127.0.0.11').catch(() => '');
  return /Name:\s+\S+\s+Address(?: 1)?:\s+(\S+)/.exec(out)?.[1] ?? null;
}

const networkExists = async (name: string) => (await docker('network', 'ls', '-q', '--filter', `name=^${name}$`)) !== '';
const randomOctet = () => 100 + Math.floor(Math.random() * 100);

/** A user-defined network with subnets of its own (a fixed address needs them), clear of every other network here. */
async function networkWithSubnets(name: string): Promise<{ v4: string; v6: string }> {
  for (let attempt = 1; ; attempt++) {
    const [a, b] = [randomOctet(), randomOctet()];
    const v4 = `10.${a}.${b}`;
    const v6 = `fd42:${a}:${b}:`;
    try {
      await docker('network', 'create', '--ipv6', '--subnet', `${v4}.0/24`, '--subnet', `${v6}:/64`, name);
      return { v4, v6 };
    } catch (err) {
      if (attempt === 5) throw err;
    }
  }
}

describe('undoing a migration', () => {
  let app: App;
  const plan = async (body: MigrationBody) => {
    const res = await app.inject({ method: 'POST', url: '/api/engines/local/migrations/plan', headers: asAdmin(app), payload: body });
    return res.json<MigrationPlanBody>();
  };
  /** The plan once the app has seen every container the test just made. */
  const settledPlan = async (body: MigrationBody) => {
    await expect.poll(async () => (await plan(body)).refusals).toEqual([]);
    return plan(body);
  };

  beforeAll(async () => {
    await cleanup('bbt-migundo-');
    app = await startApp();
  });
  afterAll(async () => {
    await app.close();
    await cleanup(ns);
  });

  describe('off a user-defined network', () => {
    const src = `${ns}-src`;
    const [pinned, linker, third] = [`${ns}-pinned`, `${ns}-linker`, `${ns}-third`];
    let v4 = '';
    let v6 = '';
    beforeAll(async () => {
      ({ v4, v6 } = await networkWithSubnets(src));
      await runContainer(
        pinned,
        ...LOCAL_DNS,
        '--network',
        src,
        '--ip',
        `${v4}.50`,
        '--ip6',
        `${v6}:50`,
        '--network-alias',
        'pinned-alias',
      );
      await runContainer(linker, ...LOCAL_DNS, '--network', src, '--link', `${pinned}:pin`);
      await runContainer(third, ...LOCAL_DNS, '--network', src);
    });

    it('puts every container back with its fixed addresses, aliases and links when a step after the disconnects fails', async () => {
      const body = { containers: [pinned, linker, third], from: src, networkName: `${ns}-to`, disconnectFromDefault: true };
      const planned = await settledPlan(body);
      expect(planned.commands.slice(4)).toEqual([
        `docker network disconnect ${src} ${pinned}`,
        `docker network disconnect ${src} ${linker}`,
        `docker network disconnect ${src} ${third}`,
      ]);
      // Only the addresses the network chose are announced as possibly lost: pinned's are fixed.
      expect(planned.warnings.map((w) => /after '([^']+)' leaves/.exec(w)?.[1])).toEqual([linker, third]);

      // Steps 4 and 5 take pinned and linker off src; the last one fails.
      const err = await applyMigration(app.defaultEngine, body, 'tests', () => undefined, { failAtStep: 6 }).catch((e: unknown) => e);
      expect(await endpointOn(pinned, src)).toMatchObject({
        IPAddress: `${v4}.50`,
        GlobalIPv6Address: `${v6}:50`,
        IPAMConfig: { IPv4Address: `${v4}.50`, IPv6Address: `${v6}:50` },
        Aliases: expect.arrayContaining(['pinned-alias']) as string[],
      });
      expect((await endpointOn(linker, src))?.Links).toEqual([`${pinned}:pin`]);
      // The link and the alias answer again, with pinned's old address.
      expect(await dnsAnswer(linker, 'pin')).toBe(`${v4}.50`);
      expect(await dnsAnswer(linker, 'pinned-alias')).toBe(`${v4}.50`);
      expect(await endpointOn(pinned, `${ns}-to`)).toBeUndefined();
      expect(await networkExists(`${ns}-to`)).toBe(false);

      expect(err).toBeInstanceOf(StepsFailedError);
      expect((err as Error).message).toBe(
        `step 7 of 7 (docker network disconnect ${src} ${third}) failed: failure forced by the test; undid the 6 step(s) before it`,
      );
      // Not an engine refusal: the error handler answers 502.
      expect(((err as Error).cause as Error).message).toBe('failure forced by the test');
    });
  });

  describe('off the default bridge', () => {
    const [db, web, solo] = [`${ns}-db`, `${ns}-web`, `${ns}-solo`];
    const body = { containers: [db, solo], networkName: `${ns}-off`, disconnectFromDefault: true };
    let old = '';
    beforeAll(async () => {
      // The default bridge hands out the lowest free address: with a free one below db's, the undo
      // cannot land on db's old address by chance.
      await runContainer(`${ns}-hole`, ...LOCAL_DNS);
      await runContainer(db, ...LOCAL_DNS);
      await runContainer(web, ...LOCAL_DNS, '--link', `${db}:database`);
      await runContainer(solo, ...LOCAL_DNS);
      await docker('rm', '-f', `${ns}-hole`);
      old = (await endpointOn(db, 'bridge'))?.IPAddress ?? '';
    });

    it('says before anyone applies it that an undo cannot give the address back, nor the --link entries naming it', async () => {
      const planned = await settledPlan(body);
      expect(planned.warnings).toContainEqual(
        `If a later step fails after '${db}' leaves 'bridge', the undo reconnects it without its address ${old} (the default bridge takes no fixed address), so it may come back with another one, and the --link entry for it in '${web}' keeps ${old}.`,
      );
    });

    it('puts the containers back on the default bridge when a step after a disconnect fails, and says which address came back', async () => {
      await settledPlan(body);
      // Step 3 takes db off the default bridge; step 4, solo's disconnect, fails.
      const err = await applyMigration(app.defaultEngine, body, 'tests', () => undefined, { failAtStep: 4 }).catch((e: unknown) => e);
      const now = (await endpointOn(db, 'bridge'))?.IPAddress;
      expect(now).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      const summary = `step 5 of 5 (docker network disconnect bridge ${solo}) failed: failure forced by the test; undid the 4 step(s) before it`;
      expect(await endpointOn(db, `${ns}-off`)).toBeUndefined();
      expect(await networkExists(`${ns}-off`)).toBe(false);
      // What the plan warned about: web's --link entry still names the old address.
      expect(await docker('exec', web, 'grep', 'database', '/etc/hosts')).toMatch(new RegExp(`^${old.replaceAll('.', '\\.')}\\s`));
      expect(err).toBeInstanceOf(StepsFailedError);
      expect((err as Error).message).toBe(now === old ? summary : `${summary}; '${db}' is back on 'bridge' at ${now}, not ${old}`);
    });
  });

  it("answers a step the engine refused with the engine's status and message, after undoing the steps before it", async () => {
    const [a, b] = [`${ns}-a`, `${ns}-b`];
    await runContainer(a, ...LOCAL_DNS);
    await runContainer(b, ...LOCAL_DNS);
    // A /30 holds the gateway and one container: the engine refuses the second connect.
    const body = { containers: [a, b], networkName: `${ns}-tiny`, subnet: `10.${randomOctet()}.${randomOctet()}.0/30` };
    await settledPlan(body);
    const res = await app.inject({ method: 'POST', url: '/api/engines/local/migrations', headers: asAdmin(app), payload: body });
    expect(res.statusCode).toBe(400);
    const message = res.json<{ message: string }>().message;
    expect(message).toMatch(
      new RegExp(
        `^step 3 of 3 \\(docker network connect ${ns}-tiny ${b}\\) failed: no available IPv4 addresses on this network's address pools: ${ns}-tiny .*; undid the 2 step\\(s\\) before it$`,
      ),
    );
    expect(await networkExists(`${ns}-tiny`)).toBe(false);
    const audit = await app.inject({ method: 'GET', url: '/api/audit?action=migration.apply&result=failed', headers: asAdmin(app) });
    expect(audit.json<AuditPage>().entries[0]).toMatchObject({ statusCode: 400, error: message });
  });
});
