// Opens the board in Debian's Chromium and saves a screenshot: npx tsx docs/screenshot.ts URL OUT.png ADMIN_PASSWORD
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.js';

const [url = 'http://127.0.0.1:8080/', out = 'docs/board.png', password = ''] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1.5 });
await page.addInitScript(() => localStorage.setItem('bridgeboard.theme', 'light'));
// Signed in as admin (screenshot.sh starts the server with this password) before the board loads.
const login = await page.request.post(new URL('/api/auth/login', url).toString(), {
  data: { username: 'admin', password },
});
if (!login.ok()) throw new Error(`sign-in answered ${login.status()}`);
await page.goto(url);
await page.locator('[data-network="shop"]').waitFor();
await page.waitForTimeout(800);
await page.screenshot({ path: out });
await browser.close();
