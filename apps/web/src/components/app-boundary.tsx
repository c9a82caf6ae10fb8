import { Suspense, type ReactNode } from 'react';
import { ErrorBoundary, getErrorMessage } from 'react-error-boundary';
import { Button } from './ui/button';

/**
 * Around the signed-in app, whose code loads beside the session check (routes/lazy-pages.ts):
 * a quiet line while it is still on its way (faded in after 300 ms, so a quick one does not
 * flash), and a way out if it could not be fetched. A failed import stays failed for this page
 * (React.lazy keeps the answer), so the way out is a reload.
 */
export function AppBoundary({ children }: { children: ReactNode }) {
  return (
    <ErrorBoundary
      fallbackRender={({ error }) => (
        <div role="alert" className="space-y-2 p-6 text-rose-600">
          <p>Could not load Bridgeboard: {getErrorMessage(error) ?? String(error)}</p>
          <Button onClick={() => window.location.reload()}>Reload</Button>
        </div>
      )}
    >
      <Suspense
        fallback={
          <p role="status" className="p-6 text-slate-500 transition-opacity delay-300 duration-300 starting:opacity-0">
            Loading Bridgeboard…
          </p>
        }
      >
        {children}
      </Suspense>
    </ErrorBoundary>
  );
}
