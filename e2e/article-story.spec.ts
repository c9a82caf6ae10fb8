/**
 * The article's story, on the board: two containers start on the default bridge (no DNS there);
 * the operator makes a user-defined bridge with the New network form, drags both containers onto
 * it, and now `web` finds `db` by name; then pulls db's link off the bridge to disconnect it.
 */
import { anyLink, bridge, dragChipOnto, fitView, link, openBoard } from './support/board';
import { containerId, containersOn, docker, inspectNetwork, networkId, randomSubnet, runContainer, tryDocker } from './support/docker';
import { expect, test } from './support/fixtures';

test('web and db meet on a user-defined bridge, find each other by name, and part again', async ({ page, names, api }) => {
  const web = names.of('web');
  const db = names.of('db');
  const appnet = names.of('appnet');
  await runContainer(web);
  await runContainer(db);

  await openBoard(page);

  // 1. The New network form makes the user-defined bridge.
  await page.getByRole('button', { name: 'New network' }).click();
  const form = page.getByRole('dialog', { name: 'New network' });
  await expect(form).toBeVisible();
  const { subnet, gateway } = randomSubnet();
  await form.getByLabel('Name', { exact: true }).fill(appnet);
  await form.getByLabel('Subnet', { exact: true }).fill(subnet);
  await form.getByLabel('Gateway', { exact: true }).fill(gateway);
  await form.getByRole('button', { name: 'Create network' }).click();
  await expect(form).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`/networks/${appnet}$`));
  await expect(bridge(page, appnet)).toBeVisible();
  const created = await inspectNetwork(appnet);
  expect(created, 'the engine has the new network').not.toBeNull();
  expect(created?.Driver).toBe('bridge');
  expect(created?.IPAM.Config?.[0]).toMatchObject({ Subnet: subnet, Gateway: gateway });

  // 2. Both chips dragged onto the new bridge: one link each, and the engine agrees.
  await fitView(page);
  await dragChipOnto(page, web, appnet);
  await expect(link(page, appnet, web)).toBeVisible();
  await dragChipOnto(page, db, appnet);
  await expect(link(page, appnet, db)).toBeVisible();
  await expect.poll(() => containersOn(appnet)).toEqual([db, web].sort());
  expect(await api.hasLink(appnet, web)).toBe(true);
  expect(await api.hasLink(appnet, db)).toBe(true);
  // Each link is labelled with the address the engine gave the container there.
  const inspected = await inspectNetwork(appnet);
  const dbAddress = Object.values(inspected?.Containers ?? {})
    .find((c) => c.Name === db)
    ?.IPv4Address.split('/')[0];
  expect(dbAddress).toBeTruthy();
  await expect(link(page, appnet, db)).toContainText(dbAddress ?? '-');

  // 3. On a user-defined bridge, web finds db by name (Docker's DNS at 127.0.0.11).
  const lookup = await docker('exec', web, 'nslookup', db);
  expect(lookup).toContain('127.0.0.11');
  expect(lookup).toContain(`Name:\t${db}`);
  expect(lookup).toContain(`Address: ${dbAddress ?? '-'}`);

  // 4. db's link pulled off the bridge (React Flow's edge updater at the link's bridge end), then confirmed.
  await fitView(page);
  const edgeId = `${await networkId(appnet)}/${await containerId(db)}`;
  const bridgeEnd = page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edgeupdater-target`);
  await expect(bridgeEnd).toHaveCount(1);
  const box = await bridgeEnd.boundingBox();
  if (!box) throw new Error("no box for the bridge end of db's link");
  const at = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  // Both links end at the same point under the bridge; the one drawn on top is the one a user grabs.
  const grabbed = await page.evaluate(
    ({ x, y }) => document.elementFromPoint(x, y)?.closest('.react-flow__edge')?.getAttribute('data-id') ?? null,
    at,
  );
  expect(grabbed, "the pointer at the bridge end grabs db's link (the last one made)").toBe(edgeId);
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  await page.mouse.move(at.x + 5, at.y + 10, { steps: 2 });
  await page.mouse.move(at.x + 40, at.y + 160, { steps: 15 });
  await page.mouse.up();

  const confirm = page.getByRole('dialog', { name: 'Disconnect?' });
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(`Disconnect ${db} from ${appnet}?`);
  await confirm.getByRole('button', { name: 'Disconnect' }).click();
  await expect(anyLink(page, appnet, db)).toHaveCount(0);
  await expect(link(page, appnet, web)).toBeVisible();
  await expect.poll(() => containersOn(appnet)).toEqual([web]);
  expect(await api.hasLink(appnet, db)).toBe(false);
  expect(await api.hasLink(appnet, web)).toBe(true);

  // And the name no longer resolves from web.
  const after = await tryDocker('exec', web, 'nslookup', db);
  expect(after.code).not.toBe(0);
});
