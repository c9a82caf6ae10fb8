/**
 * The menu equivalent of dragging: a container's menu (right-click, or the context-menu key on
 * a focused chip) offers "Connect to…" only networks it may join and "Disconnect from…" the ones
 * it is on; the engine is the judge.
 */
import { anyLink, chip, link, openBoard } from './support/board';
import { containersOn, createNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

test('connect and disconnect through the container menu', async ({ page, names }) => {
  const c = names.of('menu');
  const net = names.of('menunet');
  await runContainer(c);
  await createNetwork(net);
  await openBoard(page, `/containers/${c}`);

  await chip(page, c).click({ button: 'right' });
  const menu = page.getByRole('menu', { name: `Actions for ${c}` });
  await expect(menu).toBeVisible();
  // Drops the engine would refuse are not offered: not host, not none, not a network it is on.
  await expect(menu.getByRole('menuitem', { name: 'host', exact: true })).toHaveCount(0);
  await expect(menu.getByRole('menuitem', { name: 'none', exact: true })).toHaveCount(0);
  await menu.getByRole('menuitem', { name: net, exact: true }).click();
  await expect(anyLink(page, net, c)).toBeVisible();
  await expect.poll(() => containersOn(net)).toEqual([c]);

  // The menu lists what the board holds: wait for the patch that confirms the link (not only the
  // pending one drawn at the click), or the menu may still offer the network under "Connect to…".
  await expect(link(page, net, c)).toBeVisible();
  // The keyboard opens the same menu on a focused chip (React Flow's node wrapper holds the focus).
  await page.locator('.react-flow__node', { has: chip(page, c) }).focus();
  await page.keyboard.press('Shift+F10');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  const leave = menu.getByRole('menuitem', { name: net, exact: true }).last();
  await leave.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Disconnect?' });
  await expect(dialog).toContainText(`Disconnect ${c} from ${net}?`);
  await page.keyboard.press('Enter');
  await expect(anyLink(page, net, c)).toHaveCount(0);
  await expect.poll(() => containersOn(net)).toEqual([]);
});
