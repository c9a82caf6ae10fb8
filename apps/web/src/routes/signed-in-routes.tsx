import { Navigate, Route, Routes } from 'react-router';
import { useRealtime } from '../features/realtime/use-realtime';
import { ActivityPage } from './activity-page';
import { BoardPage } from './board-page';
import { ExposurePage } from './exposure-page';
import { ReachabilityPage } from './reachability-page';
import { UsersPage } from './users-page';

/** The pages of a signed-in user; the socket is live while they are mounted. */
export function SignedInRoutes() {
  useRealtime();
  return (
    <Routes>
      <Route path="/" element={<BoardPage kind={null} />} />
      <Route path="/networks/:name" element={<BoardPage kind="network" />} />
      <Route path="/containers/:name" element={<BoardPage kind="container" />} />
      <Route path="/reachability" element={<ReachabilityPage />} />
      <Route path="/exposure" element={<ExposurePage />} />
      <Route path="/activity" element={<ActivityPage />} />
      <Route path="/users" element={<UsersPage />} />
      {/* Signed in by now: the sign-in page rendered in place of whatever was asked for. */}
      <Route path="/login" element={<Navigate to="/" replace />} />
    </Routes>
  );
}
