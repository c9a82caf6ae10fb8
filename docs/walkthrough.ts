// The README's walk through the article's web/db example, as pictures: npx tsx docs/walkthrough.ts URL ADMIN_PASSWORD
// Expects the demo stack (scripts/demo.sh) on the engine behind URL; writes docs/walkthrough-*.png.
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.js';

const [url = 'http://127.0.0.1:8080/', password = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1.5 });
await page.addInitScript(() => localStorage.setItem('bridgeboard.theme', 'light'));
const login = await page.request.post(new URL('/api/auth/login', url).toString(), { data: { username: 'admin', password } });
if (!login.ok()) throw new Error(`sign-in answered ${login.status()}`);

async function shoot(path: string, name: string, ready: (p: Page) => Promise<unknown>): Promise<void> {
  await page.goto(new URL(path, url).toString());
  await ready(page);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `docs/walkthrough-${name}.png` });
  console.log(`wrote docs/walkthrough-${name}.png`);
}

// 1. From web: db by name on appnet; the legacy pair only by IP; isolated and host-mode chips marked.
await shoot('/containers/web', 'reach', (p) => p.locator('[data-container="db"][data-reach]').waitFor());
// 2. The matrix of the default bridge: IP only, and a name one way where --link made it.
await shoot('/reachability?scope=network:bridge', 'matrix', async (p) => {
  const cell = p.locator('[data-cell="legacy-web→legacy-db"]');
  await cell.waitFor();
  await cell.focus();
});
// 3. What is published, and the lints with the article's reasons.
await shoot('/exposure', 'exposure', (p) => p.locator('[data-lint="legacy-link"]').first().waitFor());
// 4. The migration assistant for the --link pair, before Apply: the exact commands.
await shoot('/exposure', 'migrate', async (p) => {
  await p
    .locator('[data-lint="legacy-link"]')
    .first()
    .getByRole('button', { name: /Migrate/ })
    .click();
  await p.getByRole('dialog').getByText('docker network create').first().waitFor();
});
// 5. Editing appnet's MTU: the plan before Apply, then the steps done and the edit kept.
const mtuBefore = await page.request.get(new URL('/api/engines/local/topology', url).toString()).then(async (r) => {
  const snap = (await r.json()) as { topology: { networks: Record<string, { name: string; options: Record<string, string> }> } };
  return Object.values(snap.topology.networks).find((n) => n.name === 'appnet')?.options['com.docker.network.driver.mtu'] ?? '';
});
await shoot('/networks/appnet', 'edit-plan', async (p) => {
  await p.getByTestId('edit-network').click();
  const dialog = p.getByRole('dialog', { name: 'Edit network appnet' });
  await dialog.getByLabel('MTU').fill(mtuBefore === '1400' ? '1450' : '1400');
  await dialog.getByRole('button', { name: 'Review plan' }).click();
  await dialog.getByTestId('edit-plan').waitFor();
});
const dialog = page.getByRole('dialog', { name: 'Edit network appnet' });
await dialog.getByRole('button', { name: 'Apply' }).click();
await dialog.locator('[data-testid="edit-outcome"][data-outcome="kept"]').waitFor({ timeout: 30_000 });
await page.waitForTimeout(800);
await page.screenshot({ path: 'docs/walkthrough-edit-kept.png' });
console.log('wrote docs/walkthrough-edit-kept.png');
await browser.close();
