/**
 * Issue 5, points 4, 5 and 7 from the UI: a `--link`ed pair on the default bridge shows up as a
 * legacy-link lint on the Exposure page; its "Migrate…" fix plans a user-defined network, shows the
 * commands, applies them step by step, and afterwards the link's name still resolves through the
 * network's DNS. And the container panel shows the veth pair under a link, as the host sees it.
 */
import { existsSync, readlinkSync } from 'node:fs';
import { basename } from 'node:path';
import type { Page } from '@playwright/test';
import { addressOn, containersOn, createNetwork, docker, inspectNetwork, networkId, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

// Name lookups inside the test containers never leave this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];

async function openLive(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
}

test('a --link pair leaves the default bridge from its lint, and the link name still resolves', async ({ page, names }) => {
  const db = names.of('db');
  const web = names.of('web');
  const appnet = names.of('appnet');
  await runContainer(db, ...LOCAL_DNS);
  await runContainer(web, ...LOCAL_DNS, '--link', `${db}:database`);

  // 1. The Exposure page names the legacy link, with the article's reason and a fix.
  await openLive(page, '/exposure');
  const lint = page.locator('[data-lint="legacy-link"]').filter({ hasText: `'${web}' → '${db}' as 'database'` });
  await expect(lint).toBeVisible();
  await lint.getByRole('button', { name: 'Migrate…' }).click();

  // 2. The assistant starts with the linked pair ticked and shows the exact commands.
  const dialog = page.getByRole('dialog', { name: 'Move off the default bridge' });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(`[data-candidate="${web}"] input`)).toBeChecked();
  await expect(dialog.locator(`[data-candidate="${db}"] input`)).toBeChecked();
  const commands = dialog.locator('[data-plan-commands]');
  await expect(commands).toContainText('docker network create');
  await dialog.getByLabel('Network name').fill(appnet);
  // Re-planned as typed: the commands now name the network, and db keeps its link name as an alias.
  await expect(commands).toContainText(`docker network create`);
  await expect(commands).toContainText(appnet);
  await expect(commands).toContainText(`docker network connect --alias database ${appnet} ${db}`);
  await expect(commands).toContainText(`docker network connect ${appnet} ${web}`);
  await expect(dialog.locator('[data-plan-warnings]')).toContainText('--link');

  // 3. Apply: every step turns done, live from the socket, and the dialog links to the new network.
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const steps = dialog.locator('[data-step]');
  await expect(steps).toHaveCount(3);
  for (let i = 0; i < 3; i++) await expect(dialog.locator(`[data-step="${i}"]`)).toHaveAttribute('data-status', 'done');
  await expect(dialog.locator('[data-outcome="success"]')).toBeVisible();

  // 4. The engine has the network with both containers on it.
  const created = await inspectNetwork(appnet);
  expect(created?.Driver).toBe('bridge');
  expect(await containersOn(appnet)).toEqual([db, web].sort());

  // 5. Docker's DNS on the new network answers the old link name with db's address there.
  const dbAddress = await addressOn(appnet, db);
  expect(dbAddress).toBeTruthy();
  const lookup = await docker('exec', web, 'nslookup', 'database', '127.0.0.11');
  expect(lookup).toContain(`Address: ${dbAddress ?? '-'}`);

  await dialog.getByRole('link', { name: `See ${appnet} on the board` }).click();
  await expect(page).toHaveURL(new RegExp(`/networks/${appnet}$`));
});

test('from the container panel, a container leaves the default bridge altogether', async ({ page, names }) => {
  const solo = names.of('solo');
  const soloNet = names.of('solonet');
  await runContainer(solo, ...LOCAL_DNS);

  await openLive(page, `/containers/${solo}`);
  await page.getByRole('button', { name: 'Move off the default bridge…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Move off the default bridge' });
  await dialog.getByLabel('Network name').fill(soloNet);
  await dialog.getByLabel('Also disconnect them from the default bridge').check();
  const commands = dialog.locator('[data-plan-commands]');
  await expect(commands).toContainText(`docker network connect ${soloNet} ${solo}`);
  await expect(commands).toContainText(`docker network disconnect bridge ${solo}`);

  // The panel it was opened from stops offering the move half-way; the dialog stays to the end.
  await dialog.getByRole('button', { name: 'Apply' }).click();
  for (let i = 0; i < 3; i++) await expect(dialog.locator(`[data-step="${i}"]`)).toHaveAttribute('data-status', 'done');
  await expect(dialog.locator('[data-outcome="success"]')).toBeVisible();
  expect(await containersOn(soloNet)).toEqual([solo]);
  expect(await containersOn('bridge')).not.toContain(solo);
});

test('the wire section names the host veth of a link and the bridge it is plugged into', async ({ page, names }) => {
  const net = names.of('wirenet');
  const box = names.of('wired');
  await createNetwork(net);
  await runContainer(box, ...LOCAL_DNS, '--network', net);

  await openLive(page, `/containers/${box}`);
  const wire = page.locator('[data-section="wire"]');
  const link = wire.locator(`[data-wire="${net}"]`);
  await expect(link).toBeVisible();
  await expect(link).toContainText(/eth0 ↔ veth\w+/);
  const veth = await link.getAttribute('data-host-interface');
  const bridge = await link.getAttribute('data-bridge');
  expect(veth).toMatch(/^veth\w+$/);

  // The host agrees: the veth exists, and it is plugged into this network's bridge.
  expect(existsSync(`/sys/class/net/${veth ?? '-'}`), `${veth ?? '-'} exists on the host`).toBe(true);
  const master = basename(readlinkSync(`/sys/class/net/${veth ?? '-'}/master`));
  expect(bridge).toBe(master);
  expect(master).toBe(`br-${(await networkId(net)).slice(0, 12)}`);
  await expect(link).toContainText(master);
});
