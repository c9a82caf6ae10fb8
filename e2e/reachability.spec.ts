/**
 * Issue 5, points 2 and 3 from the UI: selecting a container on the board marks how it reaches
 * every other one (name, IP only, link, none) as the core predicts and `docker exec` confirms; the
 * Reachability matrix of a network explains a cell on keyboard focus; and once an admin turns live
 * probes on under Settings, "Check live" proves every cell of that network.
 */
import type { ReachabilityResponse } from '@bridgeboard/contract';
import { adminAuthorization, createUser } from './support/accounts';
import { chip, fitView, openBoard } from './support/board';
import { addressOn, createNetwork, runContainer, tryDocker } from './support/docker';
import { expect, test } from './support/fixtures';

// Name lookups inside the test containers never leave this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];

/** The board's mark for a predicted pair (the web's markOf, restated so the test can disagree with it). */
const markOf = (p: ReachabilityResponse['pairs'][number]) =>
  p.reason === 'legacy-link' && p.byName ? 'link' : p.byName ? 'name' : p.byIp ? 'ip' : 'none';

/** One ping from `from` to `target` with a 1 s deadline, as the probes do it: did it answer? */
const pings = async (from: string, target: string) => (await tryDocker('exec', from, 'ping', '-c', '1', '-W', '1', target)).code === 0;

test.afterEach(async ({ request }) => {
  // Probes are an admin's explicit choice; leave the server as the next test expects it.
  await request.put('/api/settings', { data: { probesEnabled: false }, headers: adminAuthorization() });
});

test('a selected container marks whom it reaches; the matrix explains a cell and the live check agrees', async ({
  page,
  names,
  request,
}) => {
  test.setTimeout(120_000);
  const appnet = names.of('appnet');
  const othernet = names.of('othernet');
  const web = names.of('web');
  const db = names.of('db');
  const loner = names.of('loner');
  const far = names.of('far');
  await createNetwork(appnet);
  await createNetwork(othernet);
  await runContainer(web, ...LOCAL_DNS, '--network', appnet);
  await runContainer(db, ...LOCAL_DNS, '--network', appnet);
  await runContainer(loner, ...LOCAL_DNS);
  await runContainer(far, ...LOCAL_DNS, '--network', othernet);

  // 1. Click web's chip: it is the source, and every other chip of the stack carries a mark.
  await openBoard(page);
  await fitView(page);
  await chip(page, web).click();
  await expect(page).toHaveURL(new RegExp(`/containers/${web}$`));
  await fitView(page);
  await expect(chip(page, web)).toHaveAttribute('data-reach', 'self');
  await expect(page.locator(`[data-reach-legend="${web}"]`)).toBeVisible();
  const expected = { [db]: 'name', [loner]: 'none', [far]: 'none' };
  for (const [name, mark] of Object.entries(expected)) await expect(chip(page, name)).toHaveAttribute('data-reach', mark);
  await expect(chip(page, db)).toHaveAttribute('title', new RegExp(`${web} reaches ${db} by name and by IP over '${appnet}'`));
  await expect(chip(page, far)).toHaveAttribute('title', /share no network/);

  // The marks are the core's prediction (GET /api/engines/local/reachability) ...
  const res = await request.get(`/api/engines/local/reachability?from=${web}`, { headers: adminAuthorization() });
  expect(res.ok()).toBe(true);
  const predicted = Object.fromEntries(
    ((await res.json()) as ReachabilityResponse).pairs.filter((p) => p.to in expected).map((p) => [p.to, markOf(p)]),
  );
  expect(predicted).toEqual(expected);
  // ... and the engine's: db answers by name, loner and far not even at their addresses.
  expect(await pings(web, db)).toBe(true);
  expect(await pings(web, (await addressOn('bridge', loner)) ?? '-')).toBe(false);
  expect(await pings(web, (await addressOn(othernet, far)) ?? '-')).toBe(false);

  // The toolbar's toggle turns the view off, and back on.
  const toggle = page.getByRole('checkbox', { name: 'Show reachability' });
  await toggle.uncheck();
  await expect(chip(page, db)).not.toHaveAttribute('data-reach');
  await toggle.check();
  await expect(chip(page, db)).toHaveAttribute('data-reach', 'name');

  // 2. The matrix of appnet: both directions by name; a focused cell explains itself below the table.
  await page.getByRole('link', { name: 'Reachability', exact: true }).click();
  await page.getByLabel('Containers of').selectOption(`network:${appnet}`);
  const cell = page.locator(`[data-cell="${web}→${db}"]`);
  await expect(cell).toHaveAttribute('data-verdict', 'name');
  await expect(page.locator(`[data-cell="${db}→${web}"]`)).toHaveAttribute('data-verdict', 'name');
  await expect(page.locator('[data-cell]')).toHaveCount(2);
  await cell.focus();
  const detail = page.locator('#reach-cell-detail');
  await expect(detail).toHaveAttribute('data-detail', `${web}→${db}`);
  await expect(detail).toContainText('shared-network');
  await expect(detail).toContainText(`${web} reaches ${db} by name and by IP over '${appnet}'`);
  await expect(cell).toHaveAttribute('aria-describedby', 'reach-cell-detail');
  // The arrow keys walk the grid (rows sorted by name: db, then web), through the diagonal, up to db→web.
  await page.keyboard.press('ArrowRight');
  await expect(detail).toContainText(`${web} and itself`);
  await page.keyboard.press('ArrowUp');
  await expect(page.locator(`[data-cell="${db}→${web}"]`)).toBeFocused();
  await expect(detail).toHaveAttribute('data-detail', `${db}→${web}`);

  // 3. Probes are off: Check live says why. An admin turns them on under Settings.
  const check = page.getByRole('button', { name: 'Check live' });
  await expect(check).toBeDisabled();
  await expect(page.locator('[data-refusal]')).toContainText('exec');
  await page.getByRole('link', { name: 'Users', exact: true }).click();
  const settings = page.getByRole('region', { name: 'Settings' });
  await expect(settings).toContainText('off by default');
  const probes = settings.getByRole('switch', { name: 'Live probes' });
  await expect(probes).not.toBeChecked();
  await probes.check();
  await expect
    .poll(
      async () =>
        ((await (await request.get('/api/settings', { headers: adminAuthorization() })).json()) as { probesEnabled: boolean })
          .probesEnabled,
    )
    .toBe(true);

  // 4. Check live on appnet: progress while it runs, then every probed cell agrees with the prediction.
  await page.getByRole('link', { name: 'Reachability', exact: true }).click();
  await page.getByLabel('Containers of').selectOption(`network:${appnet}`);
  await expect(check).toBeEnabled();
  await check.click();
  await expect(page.locator('[data-probe-done]')).toBeVisible({ timeout: 30_000 });
  for (const key of [`${web}→${db}`, `${db}→${web}`]) {
    await expect(page.locator(`[data-cell="${key}"]`)).toHaveAttribute('data-probe', 'agree');
  }
  await expect(page.locator('[data-probe="differ"]')).toHaveCount(0);
  await cell.focus();
  await expect(detail.locator('[data-probe-text]')).toContainText(`Live check agrees: reached by name and IP (answered: ${db}`);
});

test('a viewer sees the marks and the matrix, but Check live says it needs an operator', async ({ browser, guard, names, request }) => {
  // A signed-out page asks GET /api/auth/me first; Chromium logs its 401 as a console error.
  guard.allow(/status of 401/);
  const appnet = names.of('appnet');
  const a = names.of('a');
  const b = names.of('b');
  await createNetwork(appnet);
  await runContainer(a, ...LOCAL_DNS, '--network', appnet);
  await runContainer(b, ...LOCAL_DNS, '--network', appnet);
  const viewer = `${names.prefix}-view`;
  await createUser(request, viewer, 'a-long-e2e-password', 'viewer');
  // Probes on: what stops the viewer is the role, not the setting.
  await request.put('/api/settings', { data: { probesEnabled: true }, headers: adminAuthorization() });

  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  guard.watch(page);
  await page.goto(`/reachability?scope=network:${appnet}`);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(viewer);
  await form.getByLabel('Password').fill('a-long-e2e-password');
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator(`[data-cell="${a}→${b}"]`)).toHaveAttribute('data-verdict', 'name');
  await expect(page.getByRole('button', { name: 'Check live' })).toBeDisabled();
  await expect(page.locator('[data-refusal]')).toContainText('operator or admin role');

  await openBoard(page, `/containers/${a}`);
  await fitView(page);
  await expect(chip(page, b)).toHaveAttribute('data-reach', 'name');
  await context.close();
});
