import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { preloadFor } from './routes/lazy-pages';
import '@xyflow/react/dist/style.css';
import './index.css';

// The page this address opens (the board and React Flow on `/`) starts loading now, beside the
// session check rather than after it: no waterfall before the first bridge.
preloadFor(window.location.pathname);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
