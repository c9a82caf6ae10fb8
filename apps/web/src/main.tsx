import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { meQuery } from './features/auth/me-query';
import { queryClient } from './lib/query-client';
import { signedInAppCode } from './routes/lazy-app';
import { preloadFor } from './routes/lazy-pages';
import '@xyflow/react/dist/style.css';
import './index.css';

// The session check goes first, before the scripts below take the browser's six connections to
// the server; the AuthGate's first render finds it under way (and shows its error, if any). Then
// the signed-in app and the page this address opens (the board and React Flow on `/`) start
// loading, beside the session check rather than after it: no waterfall before the first bridge.
// A task later, not at once: openapi-fetch sends the request a few promise steps into the call.
queryClient.query(meQuery).catch(() => undefined);
setTimeout(() => {
  signedInAppCode().catch(() => undefined);
  preloadFor(window.location.pathname);
}, 0);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
