/**
 * Keyboard only: from a container's deep link, connect it and disconnect it again with Tab,
 * the arrow keys and Enter on the side panel; the engine is the judge.
 */
import type { Locator, Page } from '@playwright/test';
import { anyLink, link, openBoard, tabTo } from './support/board';
import { containersOn, createNetwork, docker, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

const selectedLabel = (select: Locator) => select.evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.textContent ?? '');

/** Moves a focused, closed <select> to the option labelled `label` with the arrow keys. */
async function arrowTo(page: Page, select: Locator, label: string): Promise<void> {
  const labels = await select.evaluate((el: HTMLSelectElement) => [...el.options].map((o) => o.textContent));
  const want = labels.indexOf(label);
  expect(want, `'${label}' is offered`).toBeGreaterThanOrEqual(0);
  for (let i = 0; i < labels.length && (await selectedLabel(select)) !== label; i++) {
    const at = labels.indexOf(await selectedLabel(select));
    await page.keyboard.press(at < want ? 'ArrowDown' : 'ArrowUp');
  }
  expect(await selectedLabel(select)).toBe(label);
}

test('connect and disconnect with the keyboard alone', async ({ page, names, api }) => {
  const c = names.of('keys');
  const net = names.of('keynet');
  await runContainer(c);
  await createNetwork(net);

  await openBoard(page, `/containers/${c}`);
  const panel = page.getByRole('region', { name: `Container ${c}` });
  await expect(panel).toBeVisible();

  // Connect: Shift+Tab from the page into the panel's select, arrows to the network, Tab to Connect, Enter.
  const select = panel.getByLabel('Connect to…');
  await tabTo(page, select, { backwards: true });
  await arrowTo(page, select, net);
  const connect = panel.getByRole('button', { name: 'Connect', exact: true });
  await tabTo(page, connect);
  await page.keyboard.press('Enter');
  await expect(link(page, net, c)).toBeVisible();
  await expect.poll(() => containersOn(net)).toEqual([c]);
  expect(await api.hasLink(net, c)).toBe(true);

  // Disconnect: Tab back to the network's Disconnect button, Enter; in the confirm dialog (which holds
  // the focus), Tab to "Disconnect", Enter.
  const disconnect = panel.getByRole('button', { name: `Disconnect ${c} from ${net}` });
  await tabTo(page, disconnect, { backwards: true });
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Disconnect?' });
  await expect(confirm).toBeVisible();
  expect(await confirm.evaluate((d) => d.contains(document.activeElement)), 'the focus moved into the dialog').toBe(true);
  await tabTo(page, confirm.getByRole('button', { name: 'Disconnect' }), { max: 10 });
  await page.keyboard.press('Enter');
  await expect(confirm).toBeHidden();
  await expect(anyLink(page, net, c)).toHaveCount(0);
  await expect.poll(() => containersOn(net)).toEqual([]);
  expect(await api.hasLink(net, c)).toBe(false);
});

// A confirm dialog opens with the focus on its confirm button, so Enter right after opening confirms
// and Escape backs out. (React's autoFocus alone does not do it: the native <dialog> is opened
// after React's mount-time focus, and showModal then focuses the dialog's first button, Cancel.)
test('the confirm dialog opens with the focus on its confirm button', async ({ page, names }) => {
  const c = names.of('focus');
  const net = names.of('focusnet');
  await runContainer(c);
  await createNetwork(net);
  await docker('network', 'connect', net, c);

  await openBoard(page, `/containers/${c}`);
  const panel = page.getByRole('region', { name: `Container ${c}` });
  const disconnect = panel.getByRole('button', { name: `Disconnect ${c} from ${net}` });
  await tabTo(page, disconnect, { backwards: true });
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: 'Disconnect?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Disconnect' })).toBeFocused();
  // Escape leaves everything as it was.
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  expect(await containersOn(net)).toEqual([c]);
});
