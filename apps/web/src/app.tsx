import { QueryClientProvider } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Toaster } from 'sonner';
import { queryClient } from './lib/query-client';
import { BoardPage } from './routes/board-page';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <ReactFlowProvider>
        <BrowserRouter>
          <Routes>
            <Route path="/" element={<BoardPage kind={null} />} />
            <Route path="/networks/:name" element={<BoardPage kind="network" />} />
            <Route path="/containers/:name" element={<BoardPage kind="container" />} />
          </Routes>
        </BrowserRouter>
      </ReactFlowProvider>
      <Toaster richColors closeButton position="bottom-right" />
    </QueryClientProvider>
  );
}
