/**
 * The board as a user sees it, through the app's test hooks:
 * `data-network` on each bridge, `data-container` on each chip, `data-endpoint="<net>/<ctr>"` on
 * each link label, `data-pending` on what is in flight.
 */
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

export const bridge = (page: Page, network: string): Locator => page.locator(`[data-network="${network}"]`);
export const chip = (page: Page, container: string): Locator => page.locator(`[data-container="${container}"]`);
/** A link's label, whether settled or still pending. */
export const anyLink = (page: Page, network: string, container: string): Locator =>
  page.locator(`[data-endpoint="${network}/${container}"]`);
/** A link the engine has confirmed (no request in flight for it). */
export const link = (page: Page, network: string, container: string): Locator =>
  page.locator(`[data-endpoint="${network}/${container}"]:not([data-pending])`);

/** Opens a page of the app and waits until it is live (socket connected, engine reachable). */
export async function openBoard(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
}

/** The board's own "Fit View" control: everything on the board in view. */
export async function fitView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit View' }).click();
}

/** The "Zoom Out" control, `times` times: room around what is drawn for what is still to come. */
export async function zoomOut(page: Page, times: number): Promise<void> {
  for (let i = 0; i < times; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
}

async function centre(locator: Locator): Promise<{ x: number; y: number }> {
  await expect(locator).toBeVisible();
  const box = await locator.boundingBox();
  if (!box) throw new Error(`no box for ${locator.toString()}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/**
 * Drags a container chip onto a bridge with the mouse, the way a user does: press on the chip,
 * move in steps, release over the bridge. `modifier` is held while releasing (Alt: options, Shift: move).
 */
export async function dragChipOnto(page: Page, container: string, network: string, modifier?: 'Alt' | 'Shift'): Promise<void> {
  const from = await centre(chip(page, container));
  const to = await centre(bridge(page, network));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + 4, from.y - 4, { steps: 2 });
  await page.mouse.move(to.x, to.y, { steps: 20 });
  await expect(bridge(page, network)).toHaveAttribute('data-drop', /allowed|refused/);
  if (modifier) await page.keyboard.down(modifier);
  await page.mouse.up();
  if (modifier) await page.keyboard.up(modifier);
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, max = 400 } = {}): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target.toString()} did not get the focus after ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}`);
}

/** Marks the document, so a test can tell later that the page was not reloaded. */
export async function markDocument(page: Page): Promise<() => Promise<boolean>> {
  const mark = `bbe2e-${Date.now()}`;
  await page.evaluate((m) => {
    document.documentElement.dataset.e2eMark = m;
  }, mark);
  return () => page.evaluate((m) => document.documentElement.dataset.e2eMark === m, mark);
}
