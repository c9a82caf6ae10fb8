import { isLoopback } from '../loopback.js';

/**
 * A provider's address, or what is wrong with it: plain http only on this machine (a test, a
 * provider beside the server). Shared by `OIDC_ISSUER` and an admin's `PUT /api/settings/oidc`.
 */
export function providerIssuer(text: string): URL | string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `'${text}' is not a URL, e.g. https://id.example.com/realms/ops`;
  }
  const loopback = isLoopback(url.hostname) || url.hostname === '[::1]';
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    return `'${text}' must be https:// (plain http only on a loopback address)`;
  }
  return url;
}
