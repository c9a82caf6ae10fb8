/**
 * End-to-end tests: Debian's Chromium against the real built server and the real Docker engine.
 * Needs a build (scripts/prepare.sh makes one) and root, for the browser's network namespace
 * (e2e/support/netns.ts; BRIDGEBOARD_E2E_NETNS=off runs the browser in the host's namespace).
 */
import { defineConfig } from '@playwright/test';
import { ADMIN, ADMIN_STATE, DATA_DIR } from './e2e/support/accounts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './e2e/support/chromium';
import { WRAPPER, netnsEnabled } from './e2e/support/netns';
import { SSO_SERVER_ENV } from './e2e/support/sso';

const PORT = 8181;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  workers: 1,
  retries: 0,
  forbidOnly: true,
  timeout: 60_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: '.reports/e2e.json' }]],
  globalSetup: './e2e/support/global-setup.ts',
  globalTeardown: './e2e/support/global-teardown.ts',
  use: {
    browserName: 'chromium',
    headless: true,
    baseURL: BASE_URL,
    storageState: ADMIN_STATE,
    viewport: { width: 1600, height: 1000 },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: netnsEnabled() ? WRAPPER : CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
  },
  webServer: {
    // A fresh database each run: the admin from BRIDGEBOARD_ADMIN_PASSWORD and nobody else.
    command: `rm -rf ${DATA_DIR} && node --max-semi-space-size=8 apps/api/dist/server.js`,
    url: `${BASE_URL}/api/health`,
    env: {
      PORT: String(PORT),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATA_DIR,
      BRIDGEBOARD_ADMIN_USER: ADMIN.username,
      BRIDGEBOARD_ADMIN_PASSWORD: ADMIN.password,
      // Single sign-on through the test provider that sso.spec.ts starts (support/sso.ts).
      PUBLIC_URL: BASE_URL,
      ...SSO_SERVER_ENV,
    },
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
