import { ConfigError, loadConfig } from './config.js';
import { serve } from './serve.js';

let config;
try {
  config = loadConfig();
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
await serve(config);
