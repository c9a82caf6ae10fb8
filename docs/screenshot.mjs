// Opens the board in Debian's Chromium and saves a screenshot: node docs/screenshot.mjs URL OUT.png
import { chromium } from '@playwright/test';

const [url, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1.5 });
await page.addInitScript(() => localStorage.setItem('bridgeboard.theme', 'light'));
await page.goto(url);
await page.locator('[data-network="shop"]').waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
