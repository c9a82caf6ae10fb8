import { QueryClientProvider } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { BrowserRouter } from 'react-router';
import { Toaster } from 'sonner';
import { AuthGate } from './features/auth/auth-gate';
import { queryClient } from './lib/query-client';
import { SignedInRoutes } from './routes/signed-in-routes';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ReactFlowProvider>
        <BrowserRouter>
          <AuthGate>
            <SignedInRoutes />
          </AuthGate>
        </BrowserRouter>
      </ReactFlowProvider>
      <Toaster richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
