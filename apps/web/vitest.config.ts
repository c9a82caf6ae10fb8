import { defineConfig } from 'vitest/config';

// Unit tests of the web's pure parts (layout, search); the browser journeys live in /e2e.
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: { include: ['src/**/*.test.ts'] },
});
