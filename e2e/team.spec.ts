/**
 * Issue 4 as a team lives it: the admin signs in and makes an operator on the Users page; the
 * operator drags a container onto a network; a viewer in a third browser sees the link and the
 * toast appear but cannot drag; the Activity page has it. Each browser is a fresh context that
 * signs in through the form (the other specs start from the admin's saved session).
 */
import { ADMIN, createUser } from './support/accounts';
import { bridge, chip, fitView, link, dragChipOnto } from './support/board';
import { containersOn, createNetwork, docker, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';
import { signedIn } from './support/sign-in';

test.beforeEach(({ guard }) => {
  // A signed-out page asks GET /api/auth/me first; Chromium logs its 401 as a console error.
  guard.allow(/status of 401/);
});

test('admin makes an operator; the operator drags a container on; a viewer sees it live but cannot drag', async ({
  browser,
  guard,
  names,
  api,
  request,
}) => {
  const c = names.of('app');
  const net = names.of('net');
  await runContainer(c);
  await createNetwork(net);
  const operator = `${names.prefix}-op`;
  const viewer = `${names.prefix}-view`;
  const password = 'a-long-e2e-password';

  // The admin signs in through the form and adds the operator on the Users page.
  const admin = await signedIn(browser, guard, ADMIN.username, ADMIN.password);
  await admin.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Users' }).click();
  await admin.page.getByRole('button', { name: 'Add user' }).click();
  const dialog = admin.page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Username').fill(operator);
  await dialog.getByLabel('Password').fill(password);
  await dialog.getByLabel('Role').selectOption('operator');
  await dialog.getByRole('button', { name: 'Create user' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.page.getByRole('table', { name: 'Users' }).getByRole('row', { name: new RegExp(operator) })).toBeVisible();
  await createUser(request, viewer, password, 'viewer');

  const op = await signedIn(browser, guard, operator, password);
  const view = await signedIn(browser, guard, viewer, password);
  await expect(op.page.locator('[data-role="operator"]')).toBeVisible();
  await expect(view.page.locator('[data-role="viewer"]')).toBeVisible();

  // Everyone sees who else is here.
  await expect(view.page.locator(`[data-presence="${operator}"]`)).toBeVisible();
  await expect(op.page.locator(`[data-presence="${viewer}"]`)).toBeVisible();

  // The viewer cannot drag: the chip is not draggable, a drag over the bridge offers no drop, nothing changes.
  await fitView(view.page);
  await expect(chip(view.page, c)).toHaveAttribute('data-draggable', 'false');
  const from = await chip(view.page, c).boundingBox();
  const to = await bridge(view.page, net).boundingBox();
  if (!from || !to) throw new Error('chip or bridge not drawn for the viewer');
  await view.page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await view.page.mouse.down();
  await view.page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await expect(bridge(view.page, net)).not.toHaveAttribute('data-drop', /allowed|refused/);
  await view.page.mouse.up();
  expect(await containersOn(net)).toEqual([]);
  await expect(view.page.getByRole('button', { name: 'New network' })).toHaveCount(0);

  // The operator drags the chip onto the bridge: the engine has the link, and so does the viewer, live, with a toast.
  await fitView(op.page);
  await dragChipOnto(op.page, c, net);
  await expect(link(op.page, net, c)).toBeVisible();
  await expect.poll(() => containersOn(net)).toEqual([c]);
  expect(await api.hasLink(net, c)).toBe(true);
  await expect(link(view.page, net, c)).toBeVisible();
  await expect(view.page.getByText(`${operator} connected ${c} to ${net}`)).toBeVisible();

  // The Activity page says who did it.
  await admin.page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Activity' }).click();
  const row = admin.page.locator('[data-audit-id]', { hasText: operator }).filter({ hasText: net }).first();
  await expect(row).toBeVisible();
  await expect(row).toHaveAttribute('data-result', 'ok');
  await expect(row).toContainText('network.connect');

  // Signing out ends the session: the page is the sign-in form again, and a reload does not bring the board back.
  await op.page.getByRole('button', { name: 'Sign out' }).click();
  await expect(op.page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await op.page.reload();
  await expect(op.page.getByRole('form', { name: 'Sign in' })).toBeVisible();
  await expect(view.page.locator(`[data-presence="${operator}"]`)).toHaveCount(0);

  for (const b of [admin, op, view]) await b.context.close();
});

test('names and labels with markup render as text, never as HTML', async ({ page, names }) => {
  const markup = '<img src=x onerror=alert(1)>';
  // Docker accepts this as a network name; container names are stricter, so the container carries it in a label.
  const net = `${names.of('x')}${markup}`;
  const c = names.of('labelled');
  await docker('network', 'create', net);
  await runContainer(c, '--label', `note=${markup}`);
  // (`docker run --network` reads a name with spaces as options; `network connect` takes it whole.)
  await docker('network', 'connect', net, c);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });

  await page.goto(`/containers/${c}`);
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(bridge(page, net)).toBeVisible();
  await expect(bridge(page, net)).toContainText(markup);
  await expect(page.getByRole('region', { name: `Container ${c}` })).toContainText(markup);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
