/**
 * Before the run (the server is already up: Playwright starts `webServer` first): remove what an
 * earlier run left named `bbe2e-…`, then put the browser in its own network namespace (netns.ts).
 */
import type { FullConfig } from '@playwright/test';
import { removeByPrefix } from './docker';
import { netnsEnabled, setUpNetns } from './netns';

export default async function globalSetup(config: FullConfig): Promise<void> {
  await removeByPrefix();
  if (!netnsEnabled()) {
    console.warn('[e2e] BRIDGEBOARD_E2E_NETNS=off: Chromium runs in the host network namespace and will see Docker’s interface churn');
    return;
  }
  const url = config.webServer?.url ?? 'http://127.0.0.1:8181/api/health';
  await setUpNetns(Number(new URL(url).port));
}
