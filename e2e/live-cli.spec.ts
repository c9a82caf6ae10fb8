/**
 * Live: what the docker CLI does behind the app's back shows on an open board within a second,
 * without a reload; and two browsers see each other's changes.
 */
import { anyLink, bridge, chip, link, markDocument, openBoard, zoomOut } from './support/board';
import { containersOn, createNetwork, docker, inspectNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

/** "Within 1 s" of the CLI command returning. */
const LIVE = { timeout: 1_000 };

/** Runs a check that must hold within 1 s, and notes how long it took in the report. */
async function timed(label: string, check: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await check();
  test.info().annotations.push({ type: 'latency', description: `${label}: ${Math.round(performance.now() - started)} ms` });
}

test('network create / connect / disconnect / rm from the CLI appear on the board within 1 s', async ({ page, names, api }) => {
  const c = names.of('cli');
  const net = names.of('clinet');
  await runContainer(c);
  await openBoard(page);
  await expect(chip(page, c)).toBeVisible();
  const sameDocument = await markDocument(page);
  // Room to the right of what is drawn: a new network gets a new column there.
  await zoomOut(page, 3);

  await createNetwork(net);
  await timed('network create → bridge drawn', () => expect(bridge(page, net)).toBeVisible(LIVE));
  expect(await inspectNetwork(net)).not.toBeNull();

  await docker('network', 'connect', net, c);
  await timed('network connect → link drawn', () => expect(link(page, net, c)).toBeVisible(LIVE));
  expect(await containersOn(net)).toEqual([c]);
  expect(await api.hasLink(net, c)).toBe(true);

  await docker('network', 'disconnect', net, c);
  await timed('network disconnect → link gone', () => expect(anyLink(page, net, c)).toHaveCount(0, LIVE));
  expect(await containersOn(net)).toEqual([]);
  expect(await api.hasLink(net, c)).toBe(false);

  await docker('network', 'rm', net);
  await timed('network rm → bridge gone', () => expect(bridge(page, net)).toHaveCount(0, LIVE));
  expect(await inspectNetwork(net)).toBeNull();

  expect(await sameDocument(), 'the page was not reloaded').toBe(true);
});

test('two browsers: a connect and a disconnect made in one show up in the other', async ({ page, browser, guard, names, api }) => {
  const c = names.of('shared');
  const net = names.of('sharednet');
  await runContainer(c);
  await createNetwork(net);

  // Browser B: a second context (its own storage and socket), watching the whole board.
  const other = await browser.newContext();
  const watcher = await other.newPage();
  guard.watch(watcher);
  await openBoard(watcher);
  await expect(bridge(watcher, net)).toBeVisible();
  const sameDocument = await markDocument(watcher);

  // Browser A: connects from the container's panel.
  await openBoard(page, `/containers/${c}`);
  const panel = page.getByRole('region', { name: `Container ${c}` });
  await panel.getByLabel('Connect to…').selectOption({ label: net });
  await panel.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(link(page, net, c)).toBeVisible();
  await timed('A connects → B draws the link', () => expect(link(watcher, net, c)).toBeVisible(LIVE));
  await expect.poll(() => containersOn(net)).toEqual([c]);
  expect(await api.hasLink(net, c)).toBe(true);

  // And back: A disconnects (confirmed), B sees the link go.
  await panel.getByRole('button', { name: `Disconnect ${c} from ${net}` }).click();
  const confirm = page.getByRole('dialog', { name: 'Disconnect?' });
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(anyLink(page, net, c)).toHaveCount(0);
  await timed('A disconnects → B drops the link', () => expect(anyLink(watcher, net, c)).toHaveCount(0, LIVE));
  await expect.poll(() => containersOn(net)).toEqual([]);
  expect(await api.hasLink(net, c)).toBe(false);

  expect(await sameDocument(), "B's page was not reloaded").toBe(true);
  await other.close();
});
