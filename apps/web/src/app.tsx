import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { Toaster } from 'sonner';
import { AuthGate } from './features/auth/auth-gate';
import { queryClient } from './lib/query-client';
import { SignedInRoutes } from './routes/signed-in-routes';

// React Flow's provider lives with the board (routes/board-route.tsx), so React Flow loads with the board.
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <AuthGate>
          <SignedInRoutes />
        </AuthGate>
      </BrowserRouter>
      <Toaster richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
