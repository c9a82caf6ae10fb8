/**
 * A two-node swarm in the browser (scripts/fleet.sh: engine 1 the manager, engine 2 a worker, each
 * its own dockerd and hostname). The overlay is one bar on each engine's board with the containers
 * of both nodes, each badged with its node; a drag on the worker's board connects a container of
 * node 2 (browser → API → engine 2), and the manager's board shows it hanging from the same bar.
 * The Swarm page lists what the manager lists.
 */
import { adminAuthorization } from './support/accounts';
import { bridge, chip, dragChipOnto, fitView, link, openBoard } from './support/board';
import { IMAGE } from './support/docker';
import { expect, test } from './support/fixtures';
import { swarmOnBoard } from './support/fleet';

test('one overlay bar holds both nodes with node badges; a drag on node 2 connects there, and the manager sees it', async ({
  page,
  names,
  request,
}) => {
  test.setTimeout(240_000);
  const { two, manager, worker, overlay, a, b, remove } = await swarmOnBoard(request, names, '10.253.81.0/24');
  const c = names.of('c');
  await two.cli('run', '-d', '--name', c, IMAGE, 'sleep', '600');

  try {
    // The manager's board: a on this node, b hanging from the same bar from node 2.
    await openBoard(page, `/?engine=${manager}`);
    await fitView(page);
    await expect(bridge(page, overlay)).toBeVisible();
    await expect(bridge(page, overlay)).toContainText('spans 2 nodes');
    await expect(chip(page, a).locator('[data-node="bb-node-1"]')).toBeVisible();
    const remoteB = page.locator(`[data-member="${b}"]`);
    await expect(remoteB).toBeVisible();
    await expect(remoteB.locator('[data-node="bb-node-2"]')).toBeVisible();
    // Another node's container is not this engine's to move.
    await expect(remoteB).not.toHaveAttribute('data-draggable', 'true');

    // The worker's board: the same overlay, from node 2's side; drag c onto it.
    await page.getByLabel('Engine', { exact: true }).selectOption(worker);
    await expect(page).toHaveURL(new RegExp(`engine=${worker}`));
    await fitView(page);
    await expect(chip(page, b)).toBeVisible();
    await expect(page.locator(`[data-member="${a}"]`)).toBeVisible();
    await dragChipOnto(page, c, overlay);
    await expect(link(page, overlay, c)).toBeVisible();
    expect(await two.cli('inspect', '-f', '{{json .NetworkSettings.Networks}}', c)).toContain(overlay);

    // Back on the manager: c hangs from the overlay, on node 2 (gossip, re-read every few seconds).
    await page.getByLabel('Engine', { exact: true }).selectOption(manager);
    await fitView(page);
    await expect(page.locator(`[data-member="${c}"] [data-node="bb-node-2"]`)).toBeVisible({ timeout: 15_000 });

    // The Swarm page: the nodes as the manager lists them.
    await page.getByRole('link', { name: 'Swarm' }).click();
    await expect(page).toHaveURL(new RegExp(`/swarm\\?engine=${manager}`));
    const nodes = page.locator('main');
    await expect(nodes.getByRole('row').filter({ hasText: 'bb-node-1' })).toContainText('manager');
    await expect(nodes.getByRole('row').filter({ hasText: 'bb-node-2' })).toContainText('worker');
  } finally {
    await remove();
  }
});

test('all engines on one page, the overlay across both; search, exposure and live probes across nodes', async ({
  page,
  names,
  request,
}) => {
  test.setTimeout(240_000);
  const { one, manager, worker, overlay, a, b, remove } = await swarmOnBoard(request, names, '10.253.82.0/24');
  const web = names.of('web');
  await one.cli(
    'service',
    'create',
    '-d',
    '--no-resolve-image',
    '--name',
    web,
    '--replicas',
    '1',
    '--stop-grace-period',
    '1s',
    '--constraint',
    'node.hostname==bb-node-2',
    '--publish',
    'published=18381,target=80',
    IMAGE,
    'sleep',
    '600',
  );
  const probes = (on: boolean) => request.put('/api/settings', { data: { probesEnabled: on }, headers: adminAuthorization() });

  try {
    // All engines: the overlay drawn once, across the manager's and the worker's groups.
    await openBoard(page, `/?engine=${manager}`);
    await page.getByRole('link', { name: 'All engines' }).click();
    await expect(page.locator(`[data-fleet-engine="${manager}"]`)).toBeVisible();
    await expect(page.locator(`[data-fleet-engine="${worker}"]`)).toBeVisible();
    const bar = page.locator(`[data-fleet-overlay="${overlay}"]`);
    await expect(bar).toHaveCount(1);
    await expect(bar.locator('[data-fleet-node="bb-node-1"]')).toBeVisible();
    await expect(bar.locator('[data-fleet-node="bb-node-2"]')).toBeVisible();
    // A reload keeps the page (the server knows it is one of the app's).
    await page.reload();
    await expect(page.locator(`[data-fleet-overlay="${overlay}"]`)).toHaveCount(1);
    // Search across engines: b is found on the worker, and opens there.
    await page.getByLabel('Search all engines').fill(b);
    await page.locator(`[data-fleet-hits="${worker}"] [data-fleet-hit="${b}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/containers/${b}\\?engine=${worker}`));
    await expect(page.getByRole('region', { name: `Container ${b}` })).toBeVisible();

    // Exposure on the manager: the service's published port, every node listening.
    await page.goto(`/exposure?engine=${manager}`);
    const port = page.getByRole('region', { name: 'Swarm services' }).locator(`[data-swarm-port="${web}/18381"]`);
    await expect(port).toContainText('bb-node-1', { timeout: 15_000 });
    await expect(port).toContainText('bb-node-2');

    // Reachability across nodes from a: b on node 2 by name, proved by a live probe from inside a.
    expect((await probes(true)).status()).toBe(200);
    await page.goto(`/reachability?engine=${manager}&from=${a}`);
    const row = page.getByRole('region', { name: 'Across nodes' }).locator(`[data-across="${b}"]`);
    await expect(row).toHaveAttribute('data-verdict', 'name', { timeout: 15_000 });
    await page.getByRole('button', { name: 'Probe across nodes' }).click();
    await expect(row).toHaveAttribute('data-probe', 'agree', { timeout: 30_000 });
    await expect(row).toHaveAttribute('data-observed', 'name');
  } finally {
    await probes(false);
    await remove();
  }
});
