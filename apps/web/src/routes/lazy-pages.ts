import { lazyComponent } from '../components/lazy-component';

/**
 * Every page loads when it is first shown, and so does the socket (issue 13: an initial script of
 * at most 300 kB); the router and the header come before them (lazy-app.ts).
 */
const board = () => import('./board-route').then((m) => m.BoardRoute);
const fleet = () => import('./fleet-page').then((m) => m.FleetPage);
const reachability = () => import('./reachability-page').then((m) => m.ReachabilityPage);
const exposure = () => import('./exposure-page').then((m) => m.ExposurePage);
const swarm = () => import('./swarm-page').then((m) => m.SwarmPage);
const activity = () => import('./activity-page').then((m) => m.ActivityPage);
const engines = () => import('./engines-page').then((m) => m.EnginesPage);
const users = () => import('./users-page').then((m) => m.UsersPage);
const rights = () => import('./rights-page').then((m) => m.RightsPage);
const realtime = () => import('./realtime').then((m) => m.Realtime);

export const BoardPage = lazyComponent(board);
export const FleetPage = lazyComponent(fleet);
export const ReachabilityPage = lazyComponent(reachability);
export const ExposurePage = lazyComponent(exposure);
export const SwarmPage = lazyComponent(swarm);
export const ActivityPage = lazyComponent(activity);
export const EnginesPage = lazyComponent(engines);
export const UsersPage = lazyComponent(users);
export const RightsPage = lazyComponent(rights);
export const Realtime = lazyComponent(realtime);

/** Each page's code by the first segment of its address (WEB_PAGES): the board's deep links are the board. */
const pageCode: Record<string, () => Promise<unknown>> = {
  '': board,
  networks: board,
  containers: board,
  fleet,
  reachability,
  exposure,
  swarm,
  activity,
  engines,
  users,
  rights,
};

/**
 * Starts loading the code of the page at `pathname`, for main.tsx to call at start, once it has
 * sent the session check (GET /api/auth/me): it comes side by side with it, not after it. Not the
 * socket's: a browser opens six connections to a server, and the session check must not queue
 * behind scripts; the socket waits for the session anyway. A failure is not reported here: the
 * same import fails again where it is used, in its error boundary.
 */
export function preloadFor(pathname: string): void {
  const first = pathname.split('/')[1] ?? '';
  if (Object.hasOwn(pageCode, first)) pageCode[first]?.().catch(() => undefined);
}
