/**
 * A board at scale for the end-to-end tests (issue 13): many networks with many containers made
 * through the docker CLI (created, not started: the engine holds them all the same), and how to
 * read the board's zoom and move it with the mouse wheel.
 */
import type { Locator, Page } from '@playwright/test';
import { docker, IMAGE } from './docker';
import { expect } from './fixtures';

export interface ScaleBoard {
  /** Network names, in the order of their subnets (10.163.<n>.0/24). */
  networks: string[];
  /** Every container made, running or not. */
  containers: string[];
}

/** Runs `work` over `items`, `limit` at a time: the engine answers a few CLI calls at once well. */
async function inBatches<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

/**
 * `networks` bridge networks `<prefix>-n00…`, each with an explicit subnet 10.163.<n>.0/24 (the
 * engine's default pools run out after about 30 networks; nothing else in the tests uses
 * 10.163.0.0/16), and `perNetwork` created containers `<prefix>-n00-c00…` on each.
 */
export async function makeScaleBoard(prefix: string, networks: number, perNetwork: number): Promise<ScaleBoard> {
  const two = (n: number) => String(n).padStart(2, '0');
  const nets = Array.from({ length: networks }, (_, n) => ({ name: `${prefix}-n${two(n)}`, n }));
  await inBatches(nets, 4, ({ name, n }) => docker('network', 'create', '--subnet', `10.163.${n}.0/24`, name));
  const containers = nets.flatMap(({ name }) =>
    Array.from({ length: perNetwork }, (_, i) => ({ name: `${name}-c${two(i)}`, network: name })),
  );
  await inBatches(containers, 8, ({ name, network }) => docker('create', '--name', name, '--network', network, IMAGE, 'true'));
  return { networks: nets.map((x) => x.name), containers: containers.map((c) => c.name) };
}

/** A running container that does nothing (no traffic anywhere), on `network`. */
export async function runQuiet(name: string, network: string): Promise<void> {
  await docker('run', '-d', '--init', '--name', name, '--network', network, IMAGE, 'sleep', '100000');
}

/** The board's zoom, from React Flow's viewport transform (`translate(x, y) scale(z)`). */
export async function boardZoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);
  const zoom = /scale\(([\d.e-]+)\)/.exec(transform)?.[1];
  if (!zoom) throw new Error(`no zoom in the viewport's transform '${transform}'`);
  return Number(zoom);
}

/** Zooms in with the mouse wheel over `at` (zooming keeps the point under the cursor) until the zoom reaches `zoom`. */
export async function wheelZoomTo(page: Page, at: Locator, zoom: number): Promise<void> {
  for (let i = 0; i < 30 && (await boardZoom(page)) < zoom; i++) {
    const box = await at.boundingBox();
    if (!box) throw new Error(`${at.toString()} is not on the board`);
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
    await page.mouse.wheel(0, -200);
    // d3-zoom applies a wheel within a frame or two; let it land before measuring again.
    await page.waitForTimeout(100);
  }
  expect(await boardZoom(page)).toBeGreaterThanOrEqual(zoom);
}

/** Folds the board's legend away (it is open on a first visit), so that it covers no chip. */
export async function foldLegend(page: Page): Promise<void> {
  const legend = page.locator('details', { has: page.locator('summary', { hasText: /^Legend$/ }) });
  if (await legend.evaluate((d) => (d as HTMLDetailsElement).open)) await legend.locator('summary').click();
  await expect(legend).not.toHaveAttribute('open');
}

/** Whether `inner` lies wholly inside `outer` (screen pixels). */
export function inside(
  inner: { x: number; y: number; width: number; height: number },
  outer: { x: number; y: number; width: number; height: number },
): boolean {
  return (
    inner.x >= outer.x &&
    inner.y >= outer.y &&
    inner.x + inner.width <= outer.x + outer.width &&
    inner.y + inner.height <= outer.y + outer.height
  );
}
