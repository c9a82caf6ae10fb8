/**
 * Issue 15 in Chromium: a user signs in through the OpenID provider's own login and consent pages
 * (support/sso.ts), lands on the board with the rights its provider group's grant gives — operator
 * on networks labelled team=payments — and nothing more: the board greys out the networks it may
 * not change, with the reason; a drag onto a permitted network connects, one onto a forbidden
 * network is refused with the missing grant named, and the engine is unchanged.
 */
import type { APIRequestContext } from '@playwright/test';
import { startProvider, type TestProvider } from '../apps/api/test/helpers/oidc-provider';
import { adminAuthorization } from './support/accounts';
import { bridge, chip, dragChipOnto, fitView, link } from './support/board';
import { containersOn, createNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';
import { SSO_CLIENT_SECRET, SSO_PORT } from './support/sso';

const SIGNED_OUT = { cookies: [], origins: [] };
const APP = 'http://127.0.0.1:8181';

let provider: TestProvider;
const grants: string[] = [];

test.beforeAll(async () => {
  provider = await startProvider(APP, {}, { port: SSO_PORT, clientSecret: SSO_CLIENT_SECRET });
});

test.afterAll(async ({ request }) => {
  for (const id of grants) await request.delete(`/api/grants/${id}`, { headers: adminAuthorization() });
  await provider.close();
});

async function grantToGroup(request: APIRequestContext, group: string, scope: object): Promise<void> {
  const res = await request.post('/api/grants', {
    data: { subject: { kind: 'group', name: group }, role: 'operator', scope },
    headers: adminAuthorization(),
  });
  expect(res.status(), await res.text()).toBe(201);
  grants.push(((await res.json()) as { id: string }).id);
}

test('signed in through the provider, a team=payments operator changes only its networks; the board says why not elsewhere', async ({
  browser,
  guard,
  names,
  request,
}) => {
  guard.allow(/status of 401/);
  const box = names.of('box');
  const pay = names.of('pay');
  const other = names.of('other');
  const group = `${names.prefix}-payments`;
  const user = `${names.prefix.replace(/[^a-z0-9]/g, '')}payer`.slice(0, 30);
  await runContainer(box);
  await createNetwork(pay, '--label', 'team=payments');
  await createNetwork(other, '--label', 'team=orders');
  provider.users.set(user, { preferred_username: user, email: `${user}@example.test`, groups: [group] });
  await grantToGroup(request, group, { kind: 'label', engine: 'local', label: 'team=payments' });

  // The sign-in page's button, then the provider's login and consent pages.
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  guard.watch(page);
  await page.goto('/login');
  await page.getByRole('link', { name: 'Sign in with the test provider' }).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:8183\//);
  await page.locator('input[name="login"]').fill(user);
  await page.locator('input[name="password"]').fill('any password: the test provider checks none');
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:8183\//);
  await page.locator('button[type="submit"]').click();
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(page.locator('[data-role="viewer"]')).toBeVisible();

  // The board greys out what this user cannot change, and says why.
  await fitView(page);
  await expect(bridge(page, pay)).toHaveAttribute('data-may-change', 'true');
  await expect(bridge(page, other)).toHaveAttribute('data-may-change', 'false');
  await expect(bridge(page, other)).toHaveAttribute('title', /this needs operator on network '.+' \(labels team=orders\)/);

  // A drag onto the permitted network connects.
  await expect(chip(page, box)).toHaveAttribute('data-draggable', 'true');
  await dragChipOnto(page, box, pay);
  await expect(link(page, pay, box)).toBeVisible();
  await expect.poll(() => containersOn(pay)).toEqual([box]);

  // One onto the forbidden network is refused there, with the grant it lacks, and nothing changes.
  await dragChipOnto(page, box, other);
  await expect(
    page.getByText(/this needs operator on network '.+' \(labels team=orders\).*ask an admin for a grant of operator/),
  ).toBeVisible();
  expect(await containersOn(other)).toEqual([]);

  await context.close();
});
