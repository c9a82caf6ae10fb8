/** A second user's browser: a fresh context (none of the admin's saved session) signed in through the form. */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { expect, type ConsoleGuard } from './fixtures';

const SIGNED_OUT = { cookies: [], origins: [] };

/** A browser of its own, signed in through the sign-in form, its console watched like the test's own page. */
export async function signedIn(
  browser: Browser,
  guard: ConsoleGuard,
  username: string,
  password: string,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  guard.watch(page);
  await page.goto('/');
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Username').fill(username);
  await form.getByLabel('Password').fill(password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('[data-live="yes"]')).toBeVisible();
  return { context, page };
}
