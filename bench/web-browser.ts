/** The browser bench's pages: a signed-in context per page, with the bench's in-page script and a CDP session. */
import type { Browser } from 'playwright-core';
import { PAGE_SCRIPT } from './web-page.js';
import type { Server } from './web-engine.js';

export const VIEWPORT = { width: 1600, height: 1000 };

/** Console errors and page errors of every page, for the report's last lines. */
export const problems: string[] = [];

/**
 * A fresh context and page with the bench's in-page script and a CDP session; console errors are
 * noted. The context is signed in first (its own session: `POST /api/auth/login` through the
 * context's request API, whose cookies the pages share), so the board loads without the sign-in page.
 */
export async function openPage(browser: Browser, server: Server, label: string) {
  const context = await browser.newContext({ viewport: VIEWPORT, baseURL: server.url });
  const login = await context.request.post('/api/auth/login', { data: server.credentials });
  if (!login.ok()) throw new Error(`${label}: sign-in failed: ${login.status()} ${await login.text()}`);
  await context.addInitScript(PAGE_SCRIPT);
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`${label}: console error: ${m.text().slice(0, 200)}`);
  });
  page.on('pageerror', (e) => problems.push(`${label}: page error: ${e.message.slice(0, 200)}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  return { page, cdp, close: () => context.close() };
}
