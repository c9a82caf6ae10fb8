import { useActivityToasts } from '../activity/use-activity-toasts';
import { useAuditLive } from '../audit/use-audit-live';
import { useSocketSession } from '../auth/use-socket-session';
import { usePresenceSync } from '../presence/use-presence-sync';
import { useTopologySync } from '../topology/use-topology-sync';

/**
 * Everything the socket feeds, for as long as someone is signed in: the topology (which connects
 * the socket and disconnects it on sign-out), presence, activity toasts, the live audit log.
 */
export function useRealtime(): void {
  useTopologySync();
  useSocketSession();
  usePresenceSync();
  useActivityToasts();
  useAuditLive();
}
