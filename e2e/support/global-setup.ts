/**
 * Before the run (the server is already up: Playwright starts `webServer` first): remove what an
 * earlier run left named `bbe2e-…`, sign the admin in (accounts.ts), then put the browser in its
 * own network namespace (netns.ts).
 */
import { request, type FullConfig } from '@playwright/test';
import { ADMIN, ADMIN_STATE, makeAdminToken, signInOverRest } from './accounts';
import { docker, PREFIX, removeByPrefix } from './docker';
import { netnsEnabled, setUpNetns } from './netns';
import { SSO_PORT } from './sso';

/** Past this, the board no longer fits one screen and drags and visibility checks get unreliable. */
const CROWDED = { containers: 150, networks: 40 };

export default async function globalSetup(config: FullConfig): Promise<void> {
  await removeByPrefix();
  const url = config.webServer?.url ?? 'http://127.0.0.1:8181/api/health';
  // Every test starts signed in as the admin; tests about sign-in open a fresh context.
  const admin = await request.newContext({ baseURL: new URL(url).origin });
  const csrfToken = await signInOverRest(admin, ADMIN.username, ADMIN.password);
  await makeAdminToken(admin, csrfToken);
  await admin.storageState({ path: ADMIN_STATE });
  await admin.dispose();
  // The tests share the engine with whatever else runs on it; say so when that is a lot.
  const containers = (await docker('ps', '-aq')).split('\n').filter(Boolean).length;
  const networks = (await docker('network', 'ls', '-q')).split('\n').filter(Boolean).length;
  if (containers > CROWDED.containers || networks > CROWDED.networks) {
    console.warn(
      `[e2e] the engine already holds ${containers} containers and ${networks} networks not made by these tests (${PREFIX}…); ` +
        'the board draws them all, so expect slow pages and things out of view',
    );
  }
  if (!netnsEnabled()) {
    console.warn('[e2e] BRIDGEBOARD_E2E_NETNS=off: Chromium runs in the host network namespace and will see Docker’s interface churn');
    return;
  }
  // The app, and the test OpenID provider's pages (the SSO spec starts it).
  await setUpNetns([Number(new URL(url).port), SSO_PORT]);
}
