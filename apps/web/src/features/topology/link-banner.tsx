import { useLinkStatus } from './link-status';

/** Says so when this page cannot hear the server, or the server cannot hear the engine; clears on resync. */
export function LinkBanner() {
  const data = useLinkStatus();
  let message: string | null = null;
  if (data.socket === 'disconnected')
    message = 'Lost the connection to the Bridgeboard server — reconnecting; the board may be out of date.';
  else if (data.engine && !data.engine.reachable)
    message = 'This Docker engine is unreachable — the board shows the last known state and will resync when it returns.';
  if (!message) return null;
  return (
    <div
      role="status"
      data-banner="link"
      className="bg-amber-100 px-4 py-2 text-sm font-medium text-amber-900 dark:bg-amber-900 dark:text-amber-100"
    >
      {message}
    </div>
  );
}
