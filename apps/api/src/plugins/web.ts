import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import fp from 'fastify-plugin';

/** Serves the built web app and lets client-side routes (`/networks/x`) load `index.html`. */
export default fp<{ root: string }>(
  async (fastify, opts) => {
    if (!existsSync(opts.root)) {
      fastify.log.warn({ root: opts.root }, 'web app not built; serving the API only');
      return;
    }
    await fastify.register(fastifyStatic, { root: opts.root, wildcard: false });
    fastify.setNotFoundHandler((request, reply) => {
      if (request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/socket.io/')) {
        return reply.sendFile('index.html');
      }
      return reply
        .status(404)
        .send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0] ?? ''}` });
    });
  },
  { name: 'web' },
);
