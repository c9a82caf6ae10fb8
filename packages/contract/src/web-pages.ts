/**
 * The web app's pages, declared once: the web app routes them, and the server answers a reload or
 * a deep link on any of them with the app (a path that is none of them is a real 404). A page
 * added to the app but not here would work by its links and 404 on a reload.
 */
export const WEB_PAGES = {
  board: '/',
  network: '/networks/:name',
  container: '/containers/:name',
  fleet: '/fleet',
  reachability: '/reachability',
  exposure: '/exposure',
  swarm: '/swarm',
  activity: '/activity',
  engines: '/engines',
  users: '/users',
  rights: '/rights',
  login: '/login',
} as const;

const patterns = Object.values(WEB_PAGES).map((page) => new RegExp(`^${page.replace(/:[a-z]+/g, '[^/]+')}${page === '/' ? '' : '/?'}$`));

/** Whether `path` (no query) is one of the app's pages. */
export const isWebPage = (path: string): boolean => patterns.some((p) => p.test(path));
