import { useRealtime } from '../features/realtime/use-realtime';

/** The socket and everything it feeds (features/realtime), as a component: it loads apart from the entry (lazy-pages.ts). */
export function Realtime() {
  useRealtime();
  return null;
}
