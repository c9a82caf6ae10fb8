import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { WEB_PAGES } from '@bridgeboard/contract';
import { useRealtime } from '../features/realtime/use-realtime';
import { ActivityPage } from './activity-page';
import { BoardPage } from './board-page';
import { EnginesPage } from './engines-page';
import { ExposurePage } from './exposure-page';
import { FleetPage } from './fleet-page';
import { PageBoundary } from './page-boundary';
import { ReachabilityPage } from './reachability-page';
import { SwarmPage } from './swarm-page';
import { UsersPage } from './users-page';

/** Each page behind its own error boundary: one that fails to draw leaves the others (and the socket) alone. */
const page = (element: ReactNode) => <PageBoundary>{element}</PageBoundary>;

/** The pages of a signed-in user; the socket is live while they are mounted. */
export function SignedInRoutes() {
  useRealtime();
  return (
    <Routes>
      <Route path={WEB_PAGES.board} element={page(<BoardPage kind={null} />)} />
      <Route path={WEB_PAGES.network} element={page(<BoardPage kind="network" />)} />
      <Route path={WEB_PAGES.container} element={page(<BoardPage kind="container" />)} />
      <Route path={WEB_PAGES.fleet} element={page(<FleetPage />)} />
      <Route path={WEB_PAGES.reachability} element={page(<ReachabilityPage />)} />
      <Route path={WEB_PAGES.exposure} element={page(<ExposurePage />)} />
      <Route path={WEB_PAGES.swarm} element={page(<SwarmPage />)} />
      <Route path={WEB_PAGES.activity} element={page(<ActivityPage />)} />
      <Route path={WEB_PAGES.engines} element={page(<EnginesPage />)} />
      <Route path={WEB_PAGES.users} element={page(<UsersPage />)} />
      {/* Signed in by now: the sign-in page rendered in place of whatever was asked for. */}
      <Route path={WEB_PAGES.login} element={<Navigate to="/" replace />} />
    </Routes>
  );
}
