/**
 * The tests' `test` and `expect`:
 *  - every page is watched: an error on its console or an uncaught exception fails the test,
 *    unless the test said beforehand that it expects it (`guard.allow`);
 *  - `names` gives each test its own `bbe2e-xxxxxx-` prefix, and removes what carries it afterwards;
 *  - `api` reads the server's own topology (GET /api/engines/local/topology).
 */
import { randomBytes } from 'node:crypto';
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { Snapshot } from '@bridgeboard/contract';
import { adminAuthorization } from './accounts';
import { PREFIX, removeByPrefix } from './docker';

export { expect };

export interface ConsoleGuard {
  /** Watch another page (one from a second browser context). The default `page` is watched already. */
  watch(page: Page): void;
  /** A console error matching this is expected in this test (a refused request logs one). */
  allow(pattern: RegExp): void;
}

export interface Names {
  /** This test's prefix, like `bbe2e-3fa9c1`. */
  prefix: string;
  /** `<prefix>-<suffix>`. */
  of(suffix: string): string;
}

export interface Api {
  /** The server's snapshot, as the socket sends it. */
  topology(): Promise<Snapshot['topology']>;
  /** Whether the server's topology holds a link between these names. */
  hasLink(network: string, container: string): Promise<boolean>;
}

function makeApi(request: APIRequestContext): Api {
  const topology = async () => {
    const res = await request.get('/api/engines/local/topology', { headers: adminAuthorization() });
    expect(res.ok(), `GET /api/engines/local/topology answered ${res.status()}`).toBe(true);
    return ((await res.json()) as Snapshot).topology;
  };
  return {
    topology,
    async hasLink(network, container) {
      const t = await topology();
      const n = Object.values(t.networks).find((x) => x.name === network);
      const c = Object.values(t.containers).find((x) => x.name === container);
      return Boolean(n && c && Object.values(t.endpoints).some((e) => e.networkId === n.id && e.containerId === c.id));
    },
  };
}

export const test = base.extend<{ guard: ConsoleGuard; names: Names; api: Api }>({
  // eslint-disable-next-line no-empty-pattern -- a fixture that needs no other fixture
  guard: async ({}, use, testInfo) => {
    const allowed: RegExp[] = [];
    const problems: string[] = [];
    const watched = new Set<Page>();
    const guard: ConsoleGuard = {
      watch(page) {
        if (watched.has(page)) return;
        watched.add(page);
        const label = `page ${watched.size}`;
        page.on('console', (msg) => {
          if (msg.type() !== 'error') return;
          const where = msg.location().url ? ` (${msg.location().url}:${msg.location().lineNumber})` : '';
          const text = `${msg.text()}${where}`;
          if (allowed.some((re) => re.test(text))) return;
          problems.push(`${label} console error: ${text}`);
        });
        page.on('pageerror', (err) => problems.push(`${label} uncaught: ${err.stack ?? err.message}`));
      },
      allow(pattern) {
        allowed.push(pattern);
      },
    };
    await use(guard);
    if (problems.length > 0) {
      await testInfo.attach('console-errors.txt', { body: problems.join('\n'), contentType: 'text/plain' });
      // A test that already failed keeps its own error first; these are attached either way.
      if (testInfo.status === testInfo.expectedStatus) {
        throw new Error(`unexpected errors in the browser:\n${problems.join('\n')}`);
      }
    }
  },
  page: async ({ page, guard }, use) => {
    guard.watch(page);
    await use(page);
  },
  // eslint-disable-next-line no-empty-pattern -- a fixture that needs no other fixture
  names: async ({}, use) => {
    const prefix = `${PREFIX}${randomBytes(3).toString('hex')}`;
    await use({ prefix, of: (suffix) => `${prefix}-${suffix}` });
    await removeByPrefix(`${prefix}-`);
  },
  api: async ({ request }, use) => {
    await use(makeApi(request));
  },
});
