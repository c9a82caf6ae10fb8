import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';

/** The script modules of these npm packages (not their CSS: React Flow's style.css is the entry's). */
const library = (...names: string[]) => new RegExp(`/node_modules/(${names.map((n) => n.replaceAll('.', '\\.')).join('|')})/.*\\.[cm]?js$`);

// In development Vite serves the web app and forwards the API and the socket to `npm run dev` of apps/api.
const api = 'http://127.0.0.1:8080';

/**
 * react-router's package exports name only its development build, whatever the conditions
 * (remix-run/react-router#12532, #14102: on purpose for now). Its production build lies beside it,
 * the same modules without the development warnings and checks.
 */
const reactRouterProduction = fileURLToPath(import.meta.resolve('react-router')).replace('/dist/development/', '/dist/production/');

export default defineConfig(({ mode }) => ({
  plugins: [react(), tailwindcss()],
  resolve: {
    // Setting `conditions` replaces Vite's own list: its defaults go back in so that packages keyed
    // on browser/production resolve as in any Vite app; 'source' resolves our own packages to their src.
    conditions: ['source', ...defaultClientConditions],
    alias: mode === 'production' ? [{ find: /^react-router$/, replacement: reactRouterProduction }] : [],
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
  build: {
    sourcemap: true,
    rolldownOptions: {
      // Issue 13: the initial script ≤ 300 kB. Our two packages are pure (no I/O, nothing done on
      // import), so what the web does not use of them is dropped with whatever it alone needed:
      // the YAML emitter (export.ts → yaml) stays on the server, and TypeBox's checker comes only
      // with the forms that run it. TypeBox's builders (`Type.Object(…)` for the REST schemas the
      // web never reads at run time) are pure too. https://rolldown.rs/reference/InputOptions.treeshake
      treeshake: {
        moduleSideEffects: [
          { test: /\/packages\/(contract|topology)\/src\//, sideEffects: false },
          // TypeBox does nothing on import either (no module of it is imported for its effects alone).
          { test: /\/node_modules\/typebox\//, sideEffects: false },
        ],
        manualPureFunctions: ['Type'],
      },
      output: {
        // Libraries in chunks of their own: a release of the app leaves them cached. Each group is
        // used whole by the pages that use it (React Flow only by the board, the socket only once
        // signed in), so grouping adds nothing to what a page loads.
        // https://rolldown.rs/reference/OutputOptions.codeSplitting
        codeSplitting: {
          groups: [
            { name: 'react', test: library('react', 'react-dom', 'scheduler'), priority: 4 },
            { name: 'router', test: library('react-router'), priority: 4 },
            // Only the part the entry needs: useInfiniteQuery and the like stay with the pages that use them.
            { name: 'query', test: library('@tanstack/query-core', '@tanstack/react-query'), tags: ['$initial'], priority: 4 },
            { name: 'flow', test: library('@xyflow/react', '@xyflow/system', 'd3-[a-z]+', 'zustand', 'classcat'), priority: 4 },
            // Loaded with the first toast or when the app first idles (lib/toast.ts).
            { name: 'sonner', test: library('sonner'), priority: 4 },
            {
              name: 'socket',
              test: library('socket.io-client', 'socket.io-parser', 'engine.io-client', 'engine.io-parser', '@socket.io/component-emitter'),
              priority: 4,
            },
            // What the entry itself needs stays with it; what the pages share among themselves goes
            // in one chunk rather than a dozen of a few hundred bytes each: the board, on a
            // browser's six connections, would otherwise queue the session check behind them.
            { name: 'shell', tags: ['$initial'], test: /\/apps\/web\/src\//, priority: 3 },
            { name: 'shared', test: /\/(apps\/web\/src|packages\/[a-z]+\/src)\//, minShareCount: 2, priority: 2 },
          ],
        },
      },
    },
  },
}));
