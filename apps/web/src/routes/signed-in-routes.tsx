import type { ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { useRealtime } from '../features/realtime/use-realtime';
import { ActivityPage } from './activity-page';
import { BoardPage } from './board-page';
import { EnginesPage } from './engines-page';
import { ExposurePage } from './exposure-page';
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
      <Route path="/" element={page(<BoardPage kind={null} />)} />
      <Route path="/networks/:name" element={page(<BoardPage kind="network" />)} />
      <Route path="/containers/:name" element={page(<BoardPage kind="container" />)} />
      <Route path="/reachability" element={page(<ReachabilityPage />)} />
      <Route path="/exposure" element={page(<ExposurePage />)} />
      <Route path="/swarm" element={page(<SwarmPage />)} />
      <Route path="/activity" element={page(<ActivityPage />)} />
      <Route path="/engines" element={page(<EnginesPage />)} />
      <Route path="/users" element={page(<UsersPage />)} />
      {/* Signed in by now: the sign-in page rendered in place of whatever was asked for. */}
      <Route path="/login" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
