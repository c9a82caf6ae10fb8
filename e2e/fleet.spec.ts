/**
 * The fleet in the browser: an admin adds a second engine (a dockerd of scripts/fleet.sh) on the
 * Engines page, tests it first, switches the board to it, sees that engine's containers and
 * networks and not the host's, drags a container onto one of its networks (browser → API → that
 * engine), and a deep link naming the engine opens the same container after a reload.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { bridge, chip, dragChipOnto, link, openBoard } from './support/board';
import { adminAuthorization } from './support/accounts';
import { IMAGE, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

const exec = promisify(execFile);

interface FleetEngine {
  n: number;
  socketPath: string;
}

test('an admin adds an engine, the board switches to it, a drag connects there, and a deep link keeps the engine', async ({
  page,
  names,
  request,
}) => {
  test.setTimeout(120_000);
  await exec('bash', ['scripts/fleet.sh', 'up', '2'], { timeout: 120_000 });
  const [, two] = JSON.parse(readFileSync('/run/bridgeboard-fleet/engines.json', 'utf8')) as FleetEngine[];
  if (!two) throw new Error('scripts/fleet.sh made no second engine');
  const onTwo = async (...args: string[]) => (await exec('docker', ['-H', `unix://${two.socketPath}`, ...args])).stdout.trim();
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
