import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';
import { isWebPage } from '@bridgeboard/contract';

/** Serves the built web app and lets its deep links (`/networks/x`, `/containers/y`, `/activity`, …) load `index.html`. */
export default fp<{ root: string }>(
  async (fastify, opts) => {
    if (!existsSync(opts.root)) {
      fastify.log.warn({ root: opts.root }, 'web app not built; serving the API only');
      return;
    }
    await fastify.register(fastifyStatic, { root: opts.root });
    fastify.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      // The web app's own pages (deep links survive a reload); a missing asset is a real 404.
      if (request.method === 'GET' && isWebPage(path)) {
        return reply.sendFile('index.html');
      }
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${path}` });
    });
  },
  { name: 'web' },
);
