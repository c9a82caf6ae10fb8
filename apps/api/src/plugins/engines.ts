import fp from 'fastify-plugin';
import type { Engine, EngineSpec } from '../fleet/engine.js';
import { specOf } from '../fleet/engine-declaration.js';
import { EngineRegistry } from '../fleet/engine-registry.js';
import { readEnginesFile } from '../fleet/engines-file.js';
import { SecretBox } from '../fleet/secret-box.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The engine the server started with (DOCKER_HOST or the local socket). */
    defaultEngine: Engine;
    /** The engines an admin added (the API, the CLI), kept in the database with their secrets sealed. */
    engineRegistry: EngineRegistry;
  }
}

export interface EnginesOptions {
  /** The engine from the server's environment. */
  defaultEngine: EngineSpec;
  /** `ENGINES_FILE`: more engines, declared in a file. */
  enginesFile?: string | undefined;
  /** `BRIDGEBOARD_SECRET_KEY`: seals the secrets of the engines an admin adds. */
  secretKey?: string | undefined;
}

/**
 * Adds the engines the server starts with: its own (first), those of the engines file, those an
 * admin added. An id declared twice stops the start: which engine it names would be a guess.
 */
export default fp<EnginesOptions>(
  async (fastify, opts) => {
    const registry = new EngineRegistry(fastify.db, opts.secretKey ? new SecretBox(opts.secretKey) : null);
    fastify.decorate('engineRegistry', registry);
    const specs: EngineSpec[] = [
      opts.defaultEngine,
      ...(opts.enginesFile ? readEnginesFile(opts.enginesFile) : []).map((body) => specOf(body, 'file')),
      ...registry.list().map((body) => specOf(body, 'admin')),
    ];
    const ids = specs.map((s) => s.id);
    const twice = ids.find((id, i) => ids.indexOf(id) !== i);
    if (twice !== undefined) throw new Error(`engine '${twice}' is declared twice (the engines file, or added by an admin): rename one`);
    // Serve the first request from a full copy: wait for the first lists, but never forever.
    // Below Fastify's plugin timeout (10 s): with no engine the app still starts, degraded.
    const [engine] = await Promise.all(specs.map((spec) => fastify.fleet.add(spec, 5_000)));
    if (!engine) throw new Error('no engine to start with');
    fastify.decorate('defaultEngine', engine);
  },
  { name: 'engines', dependencies: ['fleet', 'database'] },
);
