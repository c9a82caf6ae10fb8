import { getErrorMessage } from 'react-error-boundary';
import { Link } from 'react-router';
import { Button } from './button';

export interface PageErrorProps {
  /** What the page threw while drawing. */
  error: unknown;
  /** Draws the page again. */
  onRetry: () => void;
  /** Whether to offer the way back to the board (not on the board's own address: it would go nowhere). */
  showBack: boolean;
}

/**
 * In place of a page that failed to draw: what went wrong, and the ways out. The rest of the app
 * (the socket, the session, the other pages) is unaffected, and says so.
 */
export function PageError({ error, onRetry, showBack }: PageErrorProps) {
  const message = getErrorMessage(error) ?? String(error);
  return (
    <main className="flex h-full items-start justify-center p-6">
      <section
        role="alert"
        aria-labelledby="page-error-title"
        data-page-error
        className="max-w-xl space-y-3 rounded-lg border border-rose-300 bg-rose-50 p-4 text-slate-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-slate-100"
      >
        <h2 id="page-error-title" className="text-lg font-semibold">
          This page could not be shown
        </h2>
        <p className="font-mono text-sm break-words text-rose-700 dark:text-rose-300">{message}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Nothing was changed: only this page of Bridgeboard failed. Retry reads the topology again and redraws the page.
        </p>
        <div className="flex gap-2">
          <Button tone="primary" onClick={onRetry}>
            Retry
          </Button>
          {showBack && (
            <Link
              to="/"
              className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-400 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
            >
              Back to the board
            </Link>
          )}
        </div>
      </section>
    </main>
  );
}
