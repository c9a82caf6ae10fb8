/**
 * Debian's Chromium and the flags it needs on this machine kind, for every tool that drives it
 * (the e2e tests, the browser bench, the README screenshot). Nothing is ever downloaded.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox', // root in a container-like sandbox
  '--disable-gpu',
  // A closed network refuses Chromium's background connections, many at a time.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // Resolve nothing but localhost: the tests reach only what they made.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];
