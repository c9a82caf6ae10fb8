import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useLocation } from 'react-router';
import { PageError } from '../components/ui/page-error';
import { topologyKeys } from '../features/topology/topology-keys';

/**
 * Keeps one page that throws while drawing from blanking the whole app: the page (its header
 * too) gives way to what went wrong, while the socket and the session, mounted above, keep
 * running. Any move to another address draws afresh (`resetKeys`). Retry first drops the cached
 * topology, which most pages draw from, so the page is drawn from a fresh read rather than from
 * what it just failed on. https://github.com/bvaughn/react-error-boundary#readme
 */
export function PageBoundary({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  const queryClient = useQueryClient();
  return (
    <ErrorBoundary
      resetKeys={[pathname, search]}
      onReset={(details) => {
        if (details.reason === 'imperative-api') void queryClient.resetQueries({ queryKey: [...topologyKeys.all, 'snapshot'] });
      }}
      fallbackRender={({ error, resetErrorBoundary }) => (
        <PageError error={error} onRetry={() => resetErrorBoundary()} showBack={pathname !== '/'} />
      )}
    >
      {children}
    </ErrorBoundary>
  );
}
