/**
 * The engine goes away with the board open: the banner says so, and clears itself once the server
 * has resynced, with the board again equal to the engine (engine → API → socket → browser).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { anyLink, chip, openBoard } from './support/board';
import { addressOn, createNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

const run = promisify(execFile);

test('an engine restart shows the banner, then the board resyncs by itself', async ({ page, names, api }) => {
  test.setTimeout(120_000);
  const net = names.of('net');
  const name = names.of('survivor');
  await createNetwork(net);
  // No live-restore on this engine: only containers with a restart policy come back running.
  await runContainer(name, '--network', net, '--restart', 'always');
  await openBoard(page, `/containers/${name}`);
  await expect(anyLink(page, net, name)).toBeVisible();
  const banner = page.locator('[data-banner="link"]');
  await expect(banner).toHaveCount(0);

  const restart = run('bash', ['scripts/engine.sh', '--restart'], { timeout: 120_000 });
  await expect(banner).toContainText('Docker engine is unreachable', { timeout: 30_000 });
  await restart;

  await expect(banner).toHaveCount(0, { timeout: 30_000 });
  await expect(chip(page, name)).toHaveAttribute('data-state', 'running', { timeout: 15_000 });
  // The link is back with the address the engine gave it after the restart.
  const address = await addressOn(net, name);
  expect(address).not.toBeNull();
  await expect(anyLink(page, net, name)).toContainText(address ?? 'no address', { timeout: 10_000 });
  expect(await api.hasLink(net, name)).toBe(true);
});
