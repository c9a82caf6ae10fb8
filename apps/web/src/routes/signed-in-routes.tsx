import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { WEB_PAGES } from '@bridgeboard/contract';
import {
  ActivityPage,
  BoardPage,
  EnginesPage,
  ExposurePage,
  FleetPage,
  ReachabilityPage,
  Realtime,
  RightsPage,
  SwarmPage,
  UsersPage,
} from './lazy-pages';
import { PageBoundary } from './page-boundary';
import { PageLoading } from './page-loading';

/**
 * Each page behind its own error boundary: one that fails to draw (or whose code fails to load)
 * leaves the others (and the socket) alone. Until its code has come, the header and a quiet line.
 */
const page = (element: ReactNode) => (
  <PageBoundary>
    <Suspense fallback={<PageLoading />}>{element}</Suspense>
  </PageBoundary>
);

/** The pages of a signed-in user; the socket is live while they are mounted. */
export function SignedInRoutes() {
  return (
    <>
      {/* Its own boundary: the pages do not wait for the socket's code, nor it for theirs. */}
      <Suspense fallback={null}>
        <Realtime />
      </Suspense>
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
        <Route path={WEB_PAGES.rights} element={page(<RightsPage />)} />
        {/* Signed in by now: the sign-in page rendered in place of whatever was asked for. */}
        <Route path={WEB_PAGES.login} element={<Navigate to="/" replace />} />
      </Routes>
    </>
  );
}
