/**
 * Issue 14 from the board: edit a network's MTU from its panel, read the plan, apply it, watch the
 * steps, and find the network re-made with the new MTU and every container on it exactly where it
 * was (address, MAC, aliases, links), on the board and in the engine's own inspect.
 */
import { bridge, link, openBoard } from './support/board';
import { createUser } from './support/accounts';
import { createNetwork, docker, inspectNetwork, runContainer } from './support/docker';
import { expect, test } from './support/fixtures';
import { signedIn } from './support/sign-in';

// Name lookups inside the test containers never leave this machine.
const LOCAL_DNS = ['--dns', '127.0.0.1'];
const MTU = 'com.docker.network.driver.mtu';

interface Attachment {
  ip: string;
  mac: string;
  aliases: string[];
  links: string[];
}

/** What `docker inspect` says of each container on the network, by name. */
async function attachments(network: string, containers: string[]): Promise<Record<string, Attachment>> {
  const out: Record<string, Attachment> = {};
  for (const c of containers) {
    const raw = await docker('container', 'inspect', '--format', `{{json (index .NetworkSettings.Networks "${network}")}}`, c);
    const s = JSON.parse(raw) as { IPAddress: string; MacAddress: string; Aliases: string[] | null; Links: string[] | null } | null;
    if (!s) throw new Error(`${c} is not on ${network}`);
    // The engine adds the short id as an alias before API 1.45: compared as a set, without it.
    const id = (await docker('container', 'inspect', '--format', '{{.Id}}', c)).slice(0, 12);
    out[c] = {
      ip: s.IPAddress,
      mac: s.MacAddress,
      aliases: (s.Aliases ?? []).filter((a) => a !== id).sort(),
      links: [...(s.Links ?? [])].sort(),
    };
  }
  return out;
}

test('an MTU edit from the panel: plan, live steps, kept, every link in place', async ({ page, names }) => {
  const net = names.of('editnet');
  const db = names.of('db');
  const web = names.of('web');
  const worker = names.of('worker');
  const containers = [db, web, worker];
  const s = await createNetwork(net);
  await runContainer(db, ...LOCAL_DNS, '--network', net, '--ip', s.host(10), '--network-alias', 'database');
  await runContainer(web, ...LOCAL_DNS, '--network', net, '--link', `${db}:db`);
  await runContainer(worker, ...LOCAL_DNS, '--network', net);
  const before = await attachments(net, containers);
  expect(before[db]?.ip).toBe(s.host(10));
  expect(before[web]?.links).toEqual([`${db}:db`]);

  // 1. The network's panel offers Edit…, which opens the New-network form filled in.
  await openBoard(page, `/networks/${net}`);
  for (const c of containers) await expect(link(page, net, c)).toContainText(before[c]?.ip ?? '-');
  await page.getByTestId('edit-network').click();
  const dialog = page.getByRole('dialog', { name: `Edit network ${net}` });
  await expect(dialog.getByLabel('Name')).toHaveValue(net);
  await expect(dialog.getByLabel('Subnet', { exact: true })).toHaveValue(s.subnet);
  await expect(dialog.getByLabel('Gateway', { exact: true })).toHaveValue(s.gateway);
  await expect(dialog.getByLabel('MTU')).toHaveValue('');

  // 2. The form's own checks come first, under the field, as in New network.
  await dialog.getByLabel('MTU').fill('20');
  await expect(dialog.getByText('MTU must be a whole number from 68 to 65535')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Review plan' })).toBeDisabled();
  await dialog.getByLabel('MTU').fill('1400');
  await dialog.getByRole('button', { name: 'Review plan' }).click();

  // 3. The plan: the change, who loses connectivity, every endpoint, and the steps as commands.
  const plan = dialog.getByTestId('edit-plan');
  await expect(plan).toBeVisible();
  await expect(plan.getByTestId('edit-changes')).toContainText('MTU');
  await expect(plan.getByTestId('edit-changes')).toContainText('1400');
  await expect(plan.getByTestId('edit-connectivity')).toContainText(`3 running containers lose '${net}'`);
  await expect(plan.locator(`[data-edit-endpoint="${db}"]`)).toContainText(s.host(10));
  await expect(plan.locator(`[data-edit-endpoint="${db}"]`)).toContainText('database');
  await expect(plan.locator(`[data-edit-endpoint="${web}"]`)).toContainText(`--link ${db}:db`);
  const commands = plan.locator('[data-plan-commands] li');
  // Three disconnects, the remove, the create, three connects.
  await expect(commands).toHaveCount(8);
  await expect(commands.filter({ hasText: `docker network create` })).toContainText(`${MTU}=1400`);
  await expect(commands.filter({ hasText: `docker network rm ${net}` })).toHaveCount(1);
  await expect(commands.filter({ hasText: `--ip ${s.host(10)}` })).toContainText(`--alias database`);
  await expect(commands.filter({ hasText: `--link ${db}:db` })).toContainText(`docker network connect`);

  // 4. Apply: every step turns done, live, then the outcome says the edit was kept.
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const steps = dialog.getByTestId('edit-step');
  await expect(steps).toHaveCount(8);
  for (let i = 0; i < 8; i++) await expect(steps.nth(i)).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
  const outcome = dialog.getByTestId('edit-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'kept');
  await expect(outcome).toContainText('Kept');
  await expect(dialog.getByTestId('edit-checks')).toContainText('all as planned');
  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();

  // 5. The bridge shows the new MTU, and the engine has it.
  await expect(bridge(page, net)).toContainText('MTU 1400');
  expect((await inspectNetwork(net))?.Options?.[MTU]).toBe('1400');

  // 6. Every container kept its address, MAC, aliases and links; every link is still on the board.
  expect(await attachments(net, containers)).toEqual(before);
  for (const c of containers) await expect(link(page, net, c)).toContainText(before[c]?.ip ?? '-');
});

test('a plan made stale behind the board is refused, and the new plan applies', async ({ page, guard, names }) => {
  // Applying the stale plan answers 409; Chromium logs it as a console error.
  guard.allow(/status of 409/);
  const net = names.of('stalenet');
  const first = names.of('first');
  const late = names.of('late');
  await createNetwork(net);
  await runContainer(first, ...LOCAL_DNS, '--network', net);

  await openBoard(page, `/networks/${net}`);
  await page.getByTestId('edit-network').click();
  const dialog = page.getByRole('dialog', { name: `Edit network ${net}` });
  await dialog.getByLabel('MTU').fill('1450');
  await dialog.getByRole('button', { name: 'Review plan' }).click();
  await expect(dialog.locator('[data-plan-commands] li')).toHaveCount(4);

  // Someone joins the network after the plan was read: the plan no longer says what Apply would do.
  await runContainer(late, ...LOCAL_DNS, '--network', net);
  await expect(link(page, net, late)).toBeAttached();
  await dialog.getByRole('button', { name: 'Apply' }).click();
  const outcome = dialog.getByTestId('edit-outcome');
  await expect(outcome).toHaveAttribute('data-outcome', 'stale');
  await expect(outcome).toContainText('changed since this plan was made');
  expect((await inspectNetwork(net))?.Options?.[MTU]).toBeUndefined();

  // The new plan has the late container in it, and applies.
  await outcome.getByRole('button', { name: 'Review the new plan' }).click();
  await expect(dialog.getByTestId('edit-plan').locator(`[data-edit-endpoint="${late}"]`)).toBeVisible();
  await expect(dialog.locator('[data-plan-commands] li')).toHaveCount(6);
  await dialog.getByRole('button', { name: 'Apply' }).click();
  await expect(dialog.getByTestId('edit-outcome')).toHaveAttribute('data-outcome', 'kept', { timeout: 20_000 });
  expect((await inspectNetwork(net))?.Options?.[MTU]).toBe('1450');
});

test('Edit is greyed with its reason: for a viewer, and on Docker’s own networks', async ({ page, browser, guard, names, request }) => {
  // A signed-out page asks GET /api/auth/me first; Chromium logs its 401 as a console error.
  guard.allow(/status of 401/);
  const net = names.of('viewnet');
  await createNetwork(net);

  await openBoard(page, '/networks/bridge');
  await expect(page.getByTestId('edit-network')).toBeDisabled();
  await expect(page.getByTestId('edit-network-reason')).toContainText("Docker's own networks cannot be re-made");

  const viewer = `${names.prefix}-viewer`;
  await createUser(request, viewer, 'viewer-password-1', 'viewer');
  const { context, page: viewerPage } = await signedIn(browser, guard, viewer, 'viewer-password-1');
  await openBoard(viewerPage, `/networks/${net}`);
  await expect(viewerPage.getByTestId('edit-network')).toBeDisabled();
  await expect(viewerPage.getByTestId('edit-network-reason')).toContainText('needs the operator role');
  await context.close();
});
