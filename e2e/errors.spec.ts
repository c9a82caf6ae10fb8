/**
 * When things go wrong: a bad static address is refused in the browser before anything is sent;
 * what the engine refuses rolls back (the pending mark clears) and its message is shown; a deep
 * link to nothing (`/containers/constructor` included) says so; a page that fails to draw is
 * replaced by what went wrong, with a retry and a way back, while the rest of the app runs on.
 */
import type { Page, Request, Route } from '@playwright/test';
import type { Snapshot } from '@bridgeboard/contract';
import type { Patch } from '@bridgeboard/topology';
import { anyLink, bridge, chip, dragChipOnto, fitView, link, openBoard } from './support/board';
import { addressOn, containersOn, createNetwork, docker, inspectNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';

const isConnectPost = (r: Request) =>
  r.method() === 'POST' && /\/api\/engines\/[^/]+\/networks\/[^/]+\/connections$/.test(new URL(r.url()).pathname);

/** Holds connect requests until `release()`, so the pending mark can be seen before the answer. */
async function holdConnects(page: Page): Promise<{ release: () => void }> {
  let release = () => {};
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/engines/local/networks/*/connections', async (route: Route) => {
    if (!isConnectPost(route.request())) return route.fallback();
    await gate;
    return route.continue();
  });
  return { release: () => release() };
}

const toast = (page: Page, title: string) => page.locator('[data-sonner-toast]').filter({ hasText: title });

test('a static IP outside the subnet is refused in the Alt-drop dialog before anything is sent', async ({ page, names, api }) => {
  const c = names.of('static');
  const net = names.of('staticnet');
  await runContainer(c);
  const s = await createNetwork(net);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (isConnectPost(r)) posts.push(r.postData() ?? '');
  });

  await openBoard(page);
  await fitView(page);
  await dragChipOnto(page, c, net, 'Alt');
  const dialog = page.getByRole('dialog', { name: `Connect ${c} to ${net}` });
  await expect(dialog).toBeVisible();

  const ipv4 = dialog.getByLabel('Static IPv4');
  await ipv4.fill('10.99.0.5');
  await expect(dialog.getByRole('alert')).toHaveText(`10.99.0.5 is outside the network's subnets (${s.subnet})`);
  await expect(ipv4).toHaveAttribute('aria-invalid', 'true');
  const connect = dialog.getByRole('button', { name: 'Connect', exact: true });
  await expect(connect).toBeDisabled();
  await ipv4.press('Enter'); // submitting the form anyway does nothing
  await expect(dialog).toBeVisible();
  await expect(anyLink(page, net, c)).toHaveCount(0);
  expect(await containersOn(net)).toEqual([]);
  expect(await api.hasLink(net, c)).toBe(false);

  // Corrected, it goes through: one request, the address the user asked for, on screen and in the engine.
  await ipv4.fill(s.host(77));
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await connect.click();
  await expect(dialog).toBeHidden();
  await expect(link(page, net, c)).toContainText(s.host(77));
  await expect.poll(() => addressOn(net, c)).toBe(s.host(77));
  expect(posts, 'only the valid connect reached the server').toHaveLength(1);
  expect(JSON.parse(posts[0] ?? '{}')).toMatchObject({ ipv4Address: s.host(77) });
});

test("an engine refusal rolls back the pending link and shows the engine's message", async ({ page, guard, names, api }) => {
  const holder = names.of('holder');
  const c = names.of('late');
  const net = names.of('dupnet');
  const s = await createNetwork(net);
  await runContainer(holder, '--network', net, '--ip', s.host(10));
  await runContainer(c);
  // The refused request is logged by Chromium; that one is expected.
  guard.allow(/Failed to load resource: the server responded with a status of 4\d\d .*\/connections/);

  const gate = await holdConnects(page);
  await openBoard(page, `/containers/${c}`);
  const panel = page.getByRole('region', { name: `Container ${c}` });
  await panel.getByLabel('Connect to…').selectOption({ label: net });
  await panel.getByRole('button', { name: 'With aliases or IP…' }).click();
  const dialog = page.getByRole('dialog', { name: `Connect ${c} to ${net}` });
  // The address is in the subnet, so the browser lets it go; only the engine knows it is taken.
  await dialog.getByLabel('Static IPv4').fill(s.host(10));
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Connect', exact: true }).click();

  // In flight: drawn as pending.
  await expect(anyLink(page, net, c)).toHaveAttribute('data-pending', 'connecting');
  await expect(chip(page, c)).toHaveAttribute('data-pending', 'true');
  gate.release();

  // Refused: the engine's own words, and the pending link is gone.
  const refused = toast(page, 'Could not connect');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('Address already in use');
  await expect(anyLink(page, net, c)).toHaveCount(0);
  await expect(chip(page, c)).not.toHaveAttribute('data-pending', /.*/);
  expect(await containersOn(net)).toEqual([holder]);
  expect(await api.hasLink(net, c)).toBe(false);
});

test('connecting to a network removed behind the board’s back: refused with the server’s message, then the board catches up', async ({
  page,
  guard,
  names,
  api,
}) => {
  const c = names.of('stale');
  const net = names.of('gone');
  await runContainer(c);
  await createNetwork(net);
  guard.allow(/Failed to load resource: the server responded with a status of 404 .*\/connections/);

  // A board that stops hearing patches: the socket's `patch` messages are held back until released.
  let holding = false;
  let held = 0;
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      if (holding && typeof message === 'string' && message.startsWith('42["patch"')) {
        held++;
        return;
      }
      ws.send(message);
    });
  });
  const gate = await holdConnects(page);
  await openBoard(page);
  await fitView(page);
  await expect(bridge(page, net)).toBeVisible();

  holding = true;
  await docker('network', 'rm', net);
  expect(await inspectNetwork(net)).toBeNull();
  await expect.poll(() => held, { message: 'the server sent the removal' }).toBeGreaterThan(0);
  await expect(bridge(page, net)).toBeVisible(); // the board has not heard

  // The operator, unaware, connects from the network's panel.
  await bridge(page, net).click();
  const panel = page.getByRole('region', { name: `Network ${net}` });
  await expect(panel).toBeVisible();
  await panel.getByLabel('Connect a container…').selectOption({ label: c });
  await panel.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(anyLink(page, net, c)).toHaveAttribute('data-pending', 'connecting');
  gate.release();

  const refused = toast(page, 'Could not connect');
  await expect(refused).toBeVisible();
  await expect(refused).toContainText('not found');
  await expect(anyLink(page, net, c)).toHaveCount(0);
  await fitView(page); // the panel zoomed onto the bridge; the chip hangs elsewhere
  await expect(chip(page, c)).toBeVisible();
  await expect(chip(page, c)).not.toHaveAttribute('data-pending', /.*/);
  expect(await inspectNetwork(net)).toBeNull();
  expect(await api.hasLink(net, c)).toBe(false);

  // Patches flow again; the next one skips the revs it missed, so the board asks for a snapshot.
  holding = false;
  const nudge = names.of('nudge');
  await createNetwork(nudge);
  await expect(bridge(page, net)).toHaveCount(0);
  expect(Object.values((await api.topology()).networks).some((n) => n.name === net)).toBe(false);
});

test('the New network form: a bad gateway is shown under its field before sending; the engine’s refusal shows in the form', async ({
  page,
  guard,
  names,
}) => {
  const taken = names.of('taken');
  const wanted = names.of('wanted');
  const s = await createNetwork(taken);
  guard.allow(/Failed to load resource: the server responded with a status of 409 .*\/api\/engines\/local\/networks/);
  const posts: string[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname === '/api/engines/local/networks') posts.push(r.postData() ?? '');
  });

  await openBoard(page);
  await page.getByRole('button', { name: 'New network' }).click();
  const form = page.getByRole('dialog', { name: 'New network' });
  await form.getByLabel('Name', { exact: true }).fill(wanted);
  await form.getByLabel('Subnet', { exact: true }).fill(s.subnet);
  const gateway = form.getByLabel('Gateway', { exact: true });
  await gateway.fill('10.99.0.1');

  // Checked while typing, with the server's rule; the message sits under the field and describes it.
  await expect(gateway).toHaveAttribute('aria-invalid', 'true');
  await expect(gateway).toHaveAccessibleDescription(`gateway 10.99.0.1 is outside subnet ${s.subnet}`);
  const fieldError = form.getByRole('alert').filter({ hasText: 'gateway 10.99.0.1 is outside subnet' });
  await expect(fieldError).toBeVisible();
  const [inputBox, errorBox] = [await gateway.boundingBox(), await fieldError.boundingBox()];
  expect(errorBox?.y ?? 0, 'the error is under its input').toBeGreaterThan(inputBox?.y ?? Infinity);
  const create = form.getByRole('button', { name: 'Create network' });
  await expect(create).toBeDisabled();
  await gateway.press('Enter');
  await expect(form).toBeVisible();
  expect(posts, 'nothing was sent').toHaveLength(0);
  expect(await inspectNetwork(wanted)).toBeNull();

  // Fixed, it is sent; the subnet is already another network's, so the engine refuses, in its words.
  await gateway.fill(s.gateway);
  await expect(gateway).not.toHaveAttribute('aria-invalid', 'true');
  await create.click();
  const serverError = form.getByRole('alert').filter({ hasText: /overlap/i });
  await expect(serverError).toBeVisible();
  await expect(form).toBeVisible();
  expect(posts).toHaveLength(1);
  expect(await inspectNetwork(wanted)).toBeNull();
  await expect(bridge(page, wanted)).toHaveCount(0);
});

test('a deep link to a name the board does not hold says so, and the board stays usable', async ({ page, names }) => {
  const net = names.of('there');
  await createNetwork(net);
  // Names every JavaScript object answers for, and one that is simply not there.
  const links: ['network' | 'container', string][] = [
    ['container', 'constructor'],
    ['network', 'toString'],
    ['container', '__proto__'],
    ['network', 'hasOwnProperty'],
    ['container', names.of('nothing')],
  ];
  for (const [kind, name] of links) {
    await openBoard(page, `/${kind}s/${encodeURIComponent(name)}`);
    const notice = page.getByRole('alert', { name: `No ${kind} named ${name}` });
    await expect(notice).toContainText(`No ${kind} named '${name}'`);
    await expect(bridge(page, net)).toBeVisible();
    await expect(page.locator('[data-page-error]')).toHaveCount(0);
  }

  // The way back: the board, nothing selected; and it still works (a bridge opens its panel).
  await page.getByRole('button', { name: 'Back to the board' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.getByRole('alert', { name: /^No (network|container) named/ })).toHaveCount(0);
  await fitView(page);
  await bridge(page, net).click();
  await expect(page.getByRole('region', { name: `Network ${net}` })).toBeVisible();
  await expect(page).toHaveURL(`/networks/${net}`);
});

test('a page that fails to draw shows what went wrong, with a way back to the board and a retry', async ({ page, guard, names }) => {
  const c = names.of('unreadable');
  await runContainer(c);
  // React reports the error its boundary caught on the console: that one is expected.
  guard.allow(/TypeError: Cannot convert undefined or null to object/);

  // The server's topology, made unreadable for one container while `corrupting`: its labels are
  // null, which only the container's details panel reads. Every way in is changed (the REST
  // answer, and the socket's snapshots and patches over long-polling and over the WebSocket it
  // upgrades to), so whichever lands last the board holds the same.
  let corrupting = true;
  const unreadable = (x: { name: string }) => (x.name === c ? Object.assign(x, { labels: null }) : x);
  const corrupt = (snapshot: Snapshot): Snapshot => {
    Object.values(snapshot.topology.containers).forEach(unreadable);
    return snapshot;
  };
  /** One socket.io packet (`42["event",data]`), with the topology it carries made unreadable. */
  const corruptPacket = (packet: string): string => {
    if (!corrupting || !/^42\["(snapshot|patch)"/.test(packet)) return packet;
    const [event, data] = JSON.parse(packet.slice(2)) as ['snapshot', Snapshot] | ['patch', Patch];
    if (event === 'snapshot') corrupt(data);
    else for (const op of data.ops) if (op.op === 'put' && op.kind === 'containers') unreadable(op.value);
    return `42${JSON.stringify([event, data])}`;
  };
  await page.route('**/api/engines/local/topology', async (route) => {
    if (!corrupting) return route.fallback();
    const answer = await route.fetch();
    return route.fulfill({ response: answer, json: corrupt((await answer.json()) as Snapshot) });
  });
  // Engine.IO v4 long-polling: packets in one answer are separated by the record separator.
  await page.route(/\/socket\.io\/.*transport=polling/, async (route) => {
    if (!corrupting || route.request().method() !== 'GET') return route.fallback();
    const answer = await route.fetch({ timeout: 60_000 });
    return route.fulfill({ response: answer, body: (await answer.text()).split('\x1e').map(corruptPacket).join('\x1e') });
  });
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => ws.send(typeof message === 'string' ? corruptPacket(message) : message));
  });

  await page.goto(`/containers/${c}`);
  const failed = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
  await expect(failed).toBeVisible();
  await expect(failed).toContainText('Cannot convert undefined or null to object');

  // Back to the board: the other pages draw from the same data and are fine.
  await failed.getByRole('link', { name: 'Back to the board' }).click();
  await expect(page).toHaveURL('/');
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await expect(failed).toHaveCount(0);
  await fitView(page);
  await expect(chip(page, c)).toBeVisible();

  // The same panel fails again while the data is bad; once it is not, Retry draws it.
  await chip(page, c).click();
  await expect(page).toHaveURL(`/containers/${c}`);
  await expect(failed).toBeVisible();
  corrupting = false;
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByRole('region', { name: `Container ${c}` })).toBeVisible();
  await expect(failed).toHaveCount(0);
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
});
