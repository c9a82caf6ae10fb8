import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);
/** Methods that change something: the ones CSRF and Origin checks guard. */
export const MUTATING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostnameOf(hostHeader: string | undefined): string | null {
  if (!hostHeader) return null;
  try {
    return new URL(`http://${hostHeader}`).hostname;
  } catch {
    return null;
  }
}

/**
 * Bridgeboard holds the Docker socket, so a web page the operator happens to have open must not
 * drive it. Two checks that hold before and beside sign-in (the auth plugin adds CSRF tokens):
 * - served on a loopback address, only loopback `Host` names are answered (a DNS-rebinding page
 *   reaches 127.0.0.1 under its own name);
 * - a browser request that changes something, or opens the socket, must come from the page this
 *   server served: its `Origin` must name the same host. Non-browser clients send no Origin.
 */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Why a raw request (the socket's handshake, say) is refused, or null when it may go on. */
    foreignRequest(req: IncomingMessage): string | null;
  }
}

export default fp<{ loopbackOnly: boolean }>(
  async (fastify, opts) => {
    const foreignHost = (req: IncomingMessage) =>
      opts.loopbackOnly && !LOOPBACK_HOSTS.has(hostnameOf(req.headers.host) ?? '')
        ? `Host '${req.headers.host ?? ''}' is not this server: it answers only on a loopback name`
        : null;
    fastify.decorate(
      'foreignRequest',
      (req: IncomingMessage) =>
        foreignHost(req) ??
        (sameOrigin(req) ? null : `cross-site request refused: Origin '${req.headers.origin ?? ''}' is not this server`),
    );
    fastify.addHook('onRequest', async (request) => {
      const host = foreignHost(request.raw);
      if (host) throw fastify.httpErrors.forbidden(host);
      if (MUTATING.has(request.method) && !sameOrigin(request.raw)) {
        throw fastify.httpErrors.forbidden(`cross-site request refused: Origin '${request.headers.origin ?? ''}' is not this server`);
      }
    });
  },
  { name: 'same-origin', dependencies: ['@fastify/sensible'] },
);
