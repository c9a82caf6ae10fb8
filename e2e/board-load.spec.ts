/**
 * The board loads clean (the fixture fails any test on a console error or uncaught exception),
 * goes live over a real websocket (through the browser namespace's forwarders), and its deep
 * links survive a reload.
 */
import { bridge, chip, openBoard } from './support/board';
import { runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

test('the board loads without errors and goes live over a websocket', async ({ page, api }) => {
  const sockets: string[] = [];
  const frames: string[] = [];
  page.on('websocket', (ws) => {
    sockets.push(ws.url());
    ws.on('framereceived', (f) => frames.push(typeof f.payload === 'string' ? f.payload : f.payload.toString('utf8')));
  });
  await openBoard(page);
  await expect(page.locator('[data-banner="link"]')).toHaveCount(0);

  // socket.io upgraded to a websocket, and the server's news arrives on it (the engine's ping answer at least).
  await expect.poll(() => sockets.filter((u) => u.includes('/socket.io/') && u.includes('transport=websocket')).length).toBe(1);
  await expect.poll(() => frames.some((f) => f === '3probe' || f.startsWith('42'))).toBe(true);

  // What the board draws is what the server holds: every bridge drawn is a network of the engine's.
  const t = await api.topology();
  const known = new Set(Object.values(t.networks).map((n) => n.name));
  const drawn = await page.locator('[data-network]').evaluateAll((els) => els.map((e) => e.getAttribute('data-network') ?? ''));
  expect(drawn.length).toBeGreaterThan(0);
  expect(drawn.filter((name) => !known.has(name))).toEqual([]);
  // The default bridge is always there; its deep link brings it into view with its panel.
  expect(known.has('bridge')).toBe(true);
  await page.goto('/networks/bridge');
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Network bridge' })).toBeVisible();
  await expect(bridge(page, 'bridge')).toBeVisible();
});

test('a container deep link survives a reload and opens its panel', async ({ page, names }) => {
  const name = names.of('deep');
  await runContainer(name);
  await openBoard(page, `/containers/${name}`);
  await expect(page.getByRole('region', { name: `Container ${name}` })).toBeVisible();
  await expect(chip(page, name)).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(page.getByRole('region', { name: `Container ${name}` })).toBeVisible();
});
