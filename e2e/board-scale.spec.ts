/**
 * A board of 300 containers on 30 networks (issue 13): the fit view shows every network, as a
 * summary readable at that zoom; zoomed in, the detail comes back, and a drag-and-drop connect
 * works there, as the engine confirms.
 */
import { randomBytes } from 'node:crypto';
import { bridge, chip, dragChipOnto, fitView, link, openBoard } from './support/board';
import { containersOn, PREFIX, removeByPrefix } from './support/docker';
import { expect, test } from './support/fixtures';
import { boardZoom, foldLegend, inside, makeScaleBoard, runQuiet, wheelZoomTo, type ScaleBoard } from './support/scale';

const prefix = `${PREFIX}${randomBytes(3).toString('hex')}-scale`;
const NETWORKS = 30;
const PER_NETWORK = 10;
let board: ScaleBoard;
const mover = `${prefix}-run-a`;
const neighbour = `${prefix}-run-b`;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  board = await makeScaleBoard(prefix, NETWORKS, PER_NETWORK);
  const [home = '', other = ''] = board.networks;
  await runQuiet(mover, home);
  await runQuiet(neighbour, other);
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await removeByPrefix(`${prefix}-`);
});

test('at fleet size the fit view shows every network as a summary, and zoomed in a drag connects', async ({ page, api }) => {
  test.setTimeout(120_000);
  const [home = ''] = board.networks;
  await openBoard(page);
  // The board holds all of it before we look (the server's snapshot and the engine agree).
  await expect
    .poll(async () => Object.values((await api.topology()).containers).filter((c) => c.name.startsWith(prefix)).length, { timeout: 30_000 })
    .toBe(NETWORKS * PER_NETWORK + 2);
  await fitView(page);

  // Every network of the test is drawn, wholly inside the board, as a summary.
  const pane = await page.locator('.react-flow').boundingBox();
  if (!pane) throw new Error('no board');
  for (const name of board.networks) {
    const b = bridge(page, name);
    await expect(b, name).toHaveAttribute('data-view', 'summary');
    const box = await b.boundingBox();
    expect(box && inside(box, pane), `${name} inside the fit view`).toBe(true);
  }
  // Far out no chip is drawn, and the summary's name reads at 10 px or more on screen.
  await expect(page.locator(`[data-container^="${prefix}-"]`)).toHaveCount(0);
  const zoom = await boardZoom(page);
  const fontPx = await bridge(page, home)
    .locator('span.font-bold')
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(fontPx * zoom).toBeGreaterThanOrEqual(10);
  await expect(bridge(page, home)).toContainText(home.slice(-3));

  // Zoomed in over the home network, its bar and chips are drawn in detail. The legend is folded
  // first: it sits over the board's lower left, where the dragged chip may land.
  await foldLegend(page);
  await wheelZoomTo(page, bridge(page, home), 0.5);
  await expect(bridge(page, home)).toHaveAttribute('data-view', 'detail');
  await expect(chip(page, mover)).toBeVisible();
  await expect(link(page, home, mover)).toBeVisible();

  // Drag the running container onto another network of the test whose bar is in view.
  const after = await page.locator('.react-flow').boundingBox();
  if (!after) throw new Error('no board');
  let target: string | undefined;
  for (const name of board.networks.slice(1)) {
    const box = await bridge(page, name).boundingBox();
    if (box && inside(box, after)) {
      target = name;
      break;
    }
  }
  if (!target) throw new Error('no other network of the test in view next to the home network');
  await dragChipOnto(page, mover, target);
  await expect(link(page, target, mover)).toBeVisible({ timeout: 10_000 });
  await expect.poll(() => containersOn(target)).toContain(mover);
  expect(await api.hasLink(target, mover)).toBe(true);
});
