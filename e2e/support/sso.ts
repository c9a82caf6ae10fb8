/**
 * Single sign-on in the e2e tests: the server starts configured for an OpenID provider on
 * 127.0.0.1:8183 (playwright.config.ts), which the SSO spec starts itself — the same certified
 * `oidc-provider` the API's tests use, with its own login and consent pages. The browser reaches
 * it through the namespace's forwarders (netns.ts), as it reaches the app.
 */
export const SSO_PORT = 8183;
export const SSO_ISSUER = `http://127.0.0.1:${SSO_PORT}`;
export const SSO_CLIENT_ID = 'bridgeboard';
/** A test provider's client secret: nothing real is behind it. */
export const SSO_CLIENT_SECRET = 'e2e-only-client-secret-of-the-test-provider';
/** The server's OIDC_* settings for that provider. */
export const SSO_SERVER_ENV = {
  OIDC_ISSUER: SSO_ISSUER,
  OIDC_CLIENT_ID: SSO_CLIENT_ID,
  OIDC_CLIENT_SECRET: SSO_CLIENT_SECRET,
  // No group is mapped to a role: the spec's users sign in by the grants to their groups alone.
  OIDC_GROUP_ROLES: '',
  OIDC_LABEL: 'Sign in with the test provider',
};
