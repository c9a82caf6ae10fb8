/**
 * The fleet in the browser: an admin adds a second engine (a dockerd of scripts/fleet.sh) on the
 * Engines page, tests it first, switches the board to it, sees that engine's containers and
 * networks and not the host's, drags a container onto one of its networks (browser → API → that
 * engine), and a deep link naming the engine opens the same container after a reload.
 */
import { adminAuthorization, createUser } from './support/accounts';
import { bridge, chip, dragChipOnto, fitView, link, openBoard } from './support/board';
import { containersOn, createNetwork, IMAGE, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';
import { fleetEngines } from './support/fleet';
import { signedIn } from './support/sign-in';

/** The second engine of scripts/fleet.sh (started if it is not), and the docker CLI against it. */
async function secondEngine() {
  const [, two] = await fleetEngines(2);
  if (!two) throw new Error('scripts/fleet.sh made no second engine');
  return { two, onTwo: two.cli };
}

test('an admin adds an engine, the board switches to it, a drag connects there, and a deep link keeps the engine', async ({
  page,
  names,
  request,
}) => {
  test.setTimeout(120_000);
  const { two, onTwo } = await secondEngine();
  const engine = `e2e-${names.prefix.slice(-6)}`;
  const net = names.of('far');
  const far = names.of('farc');
  const near = names.of('near');
  await onTwo('network', 'create', '--subnet', '10.242.91.0/24', net);
  await onTwo('run', '-d', '--name', far, IMAGE, 'sleep', '300');
  await runContainer(near);

  try {
    await openBoard(page);
    await expect(chip(page, near)).toBeVisible();
    await page.getByRole('link', { name: 'Engines' }).click();
    await page.getByRole('button', { name: 'Add engine' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add an engine' });
    await dialog.getByLabel('Id').fill(engine);
    await dialog.getByLabel('Name (optional)').fill('Node two');
    await dialog.getByLabel('Host').fill(`unix://${two.socketPath}`);
    await dialog.getByRole('button', { name: 'Test' }).click();
    await expect(dialog.locator('[data-engine-test]')).toHaveAttribute('data-engine-test', 'reachable');
    await dialog.getByRole('button', { name: 'Add engine' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.locator(`[data-engine-row="${engine}"] [data-engine-state]`)).toHaveAttribute('data-engine-state', 'reachable');
    // Edited in place: a new name, the same engine.
    await page.getByRole('button', { name: `Edit ${engine}` }).click();
    const editing = page.getByRole('dialog', { name: `Edit ${engine}` });
    await editing.getByLabel('Name (optional)').fill('Node two, renamed');
    await editing.getByRole('button', { name: 'Save engine' }).click();
    await expect(editing).toBeHidden();
    await expect(page.locator(`[data-engine-row="${engine}"]`)).toContainText('Node two, renamed');

    // The board of the other engine: its things, not the host's.
    await page.getByRole('link', { name: 'Board' }).click();
    await page.getByLabel('Engine', { exact: true }).selectOption(engine);
    await expect(page).toHaveURL(new RegExp(`engine=${engine}`));
    await expect(chip(page, far)).toBeVisible();
    await expect(bridge(page, net)).toBeVisible();
    await expect(chip(page, near)).toHaveCount(0);

    // Browser → API → that engine.
    await dragChipOnto(page, far, net);
    await expect(link(page, net, far)).toBeVisible();
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', far)).toContain(net);

    // A deep link names the engine; it holds across a reload.
    await page.goto(`/containers/${far}?engine=${engine}`);
    await expect(page.getByRole('region', { name: `Container ${far}` })).toBeVisible();
    await page.reload();
    await expect(page.getByRole('region', { name: `Container ${far}` })).toBeVisible();
    await expect(page.getByLabel('Engine', { exact: true })).toHaveValue(engine);
  } finally {
    await request.delete(`/api/engines/${engine}`, { headers: adminAuthorization() });
    await onTwo('rm', '-f', far).catch(() => '');
    await onTwo('network', 'rm', net).catch(() => '');
  }
});

test('viewer on the host engine, operator on another: the board lets them drag on the second only', async ({
  page,
  browser,
  guard,
  names,
  request,
}) => {
  test.setTimeout(120_000);
  // A signed-out page asks GET /api/auth/me first; Chromium logs its 401 as a console error.
  guard.allow(/status of 401/);
  const { two, onTwo } = await secondEngine();
  const engine = `e2e-${names.prefix.slice(-6)}`;
  const user = `${names.prefix}-u`;
  const password = 'a password for the engine roles';
  const [near, nearNet, far, farNet] = [names.of('near'), names.of('nearnet'), names.of('far'), names.of('farnet')];
  await runContainer(near);
  await createNetwork(nearNet);
  await onTwo('network', 'create', '--subnet', '10.242.92.0/24', farNet);
  await onTwo('run', '-d', '--name', far, IMAGE, 'sleep', '300');
  const added = await request.post('/api/engines', {
    data: { id: engine, host: `unix://${two.socketPath}` },
    headers: adminAuthorization(),
  });
  expect(added.status()).toBe(201);
  await createUser(request, user, password, 'viewer');

  try {
    // The admin gives the viewer the operator role on that engine, on the Users page.
    await page.goto('/users');
    await page.getByRole('button', { name: `Roles of ${user} per engine` }).click();
    const dialog = page.getByRole('dialog', { name: `Roles of ${user} per engine` });
    await dialog.getByLabel(`Role of ${user} on ${engine}`).selectOption('operator');
    await dialog.getByRole('button', { name: 'Save roles' }).click();
    await expect(page.locator(`[data-engine-roles="${user}"]`)).toContainText(`operator on ${engine}`);

    const { page: theirs, context } = await signedIn(browser, guard, user, password);
    // On the host engine: a viewer; the drag does nothing and the engine is unchanged.
    await fitView(theirs);
    await expect(theirs.locator('[data-user-role="viewer"]')).toBeVisible();
    const from = await chip(theirs, near).boundingBox();
    const to = await bridge(theirs, nearNet).boundingBox();
    if (!from || !to) throw new Error('chip or bridge not drawn');
    await theirs.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await theirs.mouse.down();
    await theirs.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
    await expect(bridge(theirs, nearNet)).not.toHaveAttribute('data-drop', /allowed|refused/);
    await theirs.mouse.up();
    expect(await containersOn(nearNet)).toEqual([]);

    // On the other engine: an operator; the drag connects there.
    await theirs.getByLabel('Engine', { exact: true }).selectOption(engine);
    await expect(theirs.locator('[data-user-role="operator"]')).toBeVisible();
    await expect(chip(theirs, far)).toBeVisible();
    await dragChipOnto(theirs, far, farNet);
    await expect(link(theirs, farNet, far)).toBeVisible();
    expect(await onTwo('inspect', '-f', '{{json .NetworkSettings.Networks}}', far)).toContain(farNet);
    await context.close();
  } finally {
    await request.delete(`/api/engines/${engine}`, { headers: adminAuthorization() });
    await request.delete(`/api/users/${user}`, { headers: adminAuthorization() });
    await onTwo('rm', '-f', far).catch(() => '');
    await onTwo('network', 'rm', farNet).catch(() => '');
  }
});
