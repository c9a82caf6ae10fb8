/**
 * Issue 15's Rights page, as an admin uses it: a grant of operator on the networks labelled with
 * this test's team, for a user; the grant is listed in words; the user's rights show the labelled
 * network as the one where the grant gives more; "why can't" on an unlabelled network reads the
 * server's missing-grant sentence; Remove takes the grant back, and the Activity page says what
 * allowed that. Networks made with the docker CLI.
 */
import { createUser } from './support/accounts';
import { createNetwork } from './support/docker';
import { expect, test } from './support/fixtures';

test('an admin grants operator on labelled networks, reads the user’s rights and why not elsewhere, and takes the grant back', async ({
  page,
  names,
  request,
}) => {
  const team = names.prefix;
  const labelled = names.of('pay');
  const unlabelled = names.of('other');
  const user = `${names.prefix}-pat`;
  await createNetwork(labelled, '--label', `team=${team}`);
  await createNetwork(unlabelled);
  await createUser(request, user, 'a-long-e2e-password', 'viewer');

  await page.goto('/');
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Rights' }).click();
  const grantsSection = page.getByRole('region', { name: 'Grants', exact: true });
  await expect(grantsSection).toBeVisible();

  // The form says what is missing before it asks the server.
  await grantsSection.getByRole('button', { name: 'Add grant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a grant' });
  await dialog.getByRole('button', { name: 'Add grant' }).click();
  await expect(dialog.getByText('Pick the user the grant is for')).toBeVisible();
  await dialog.getByLabel('User').selectOption(user);
  await dialog.getByLabel('Role').selectOption('operator');
  await dialog.getByLabel('Over').selectOption('label');
  await dialog.getByLabel('Engine').selectOption('local');
  await dialog.getByLabel('Label').fill(team);
  await dialog.getByRole('button', { name: 'Add grant' }).click();
  await expect(dialog.getByText('A label as key=value, like team=payments')).toBeVisible();
  await dialog.getByLabel('Label').fill(`team=${team}`);
  await expect(dialog.locator('[data-grant-preview]')).toHaveText(
    `user ${user} gets operator on networks labelled team=${team} on engine 'local'`,
  );
  await dialog.getByRole('button', { name: 'Add grant' }).click();
  await expect(dialog).toBeHidden();

  // Listed, in words.
  const row = grantsSection.getByRole('table', { name: 'Grants', exact: true }).getByRole('row', { name: new RegExp(`user ${user}`) });
  await expect(row).toContainText('operator');
  await expect(row).toContainText(`networks labelled team=${team} on engine 'local'`);
  await expect(row).toContainText('by admin');

  // The user's rights: viewer on the engine, operator on the labelled network by this grant, not on the other one.
  const rightsSection = page.getByRole('region', { name: 'Rights of a user' });
  await rightsSection.getByLabel('User').selectOption(user);
  const local = rightsSection.locator('[data-rights-engine="local"]');
  await expect(local).toContainText('viewer');
  const onLabelled = local.locator(`[data-rights-network="${labelled}"]`);
  await expect(onLabelled).toContainText('operator');
  await expect(onLabelled).toContainText(`operator on networks labelled team=${team} on engine 'local', to user ${user}`);
  await expect(local.locator(`[data-rights-network="${unlabelled}"]`)).toHaveCount(0);

  // Why can't they connect on the unlabelled network: the missing grant, in the server's words.
  const why = page.getByRole('region', { name: 'Why can’t …?' });
  await why.getByLabel('User').selectOption(user);
  await why.getByLabel('Engine').selectOption('local');
  await why.getByLabel('Act as').selectOption('operator');
  await why.getByLabel('Network (optional)').fill(unlabelled);
  await why.getByRole('button', { name: 'Ask' }).click();
  const answer = why.locator('[data-access-allowed]');
  await expect(answer).toHaveAttribute('data-access-allowed', 'no');
  await expect(answer.locator('[data-access-missing]')).toHaveText(
    `this needs operator on network '${unlabelled}' (no labels) on engine 'local'; you have viewer there (own role viewer): ` +
      `ask an admin for a grant of operator on engine 'local', on networks named ${unlabelled}`,
  );
  // And on the labelled one they may, by the grant.
  await why.getByLabel('Network (optional)').fill(labelled);
  await why.getByRole('button', { name: 'Ask' }).click();
  await expect(answer).toHaveAttribute('data-access-allowed', 'yes');
  await expect(answer).toContainText(`operator on networks labelled team=${team} on engine 'local', to user ${user}`);

  // Remove takes it back: gone from the list and from the user's rights.
  await row.getByRole('button', { name: /^Remove grant/ }).click();
  await page.getByRole('dialog', { name: 'Remove this grant?' }).getByRole('button', { name: 'Remove grant' }).click();
  await expect(row).toHaveCount(0);
  await expect(local.locator(`[data-rights-network="${labelled}"]`)).toHaveCount(0);

  // The Activity page says what allowed each change: here the admin's own role.
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Activity' }).click();
  const removal = page.locator('[data-audit-id]', { hasText: 'grant.remove' }).first();
  await expect(removal).toHaveAttribute('data-result', 'ok');
  await expect(removal.locator('[data-audit-allowed-by]')).toHaveText('own role admin');
});
