import { QueryClientProvider } from '@tanstack/react-query';
import { AppBoundary } from './components/app-boundary';
import { Toaster } from './components/ui/toaster';
import { AuthGate } from './features/auth/auth-gate';
import { queryClient } from './lib/query-client';
import { SignedInApp } from './routes/lazy-app';

// React Flow's provider lives with the board (routes/board-route.tsx), so React Flow loads with the board.
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <AuthGate>
        <AppBoundary>
          <SignedInApp />
        </AppBoundary>
      </AuthGate>
      <Toaster richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
