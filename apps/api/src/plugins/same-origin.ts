import type { IncomingMessage } from 'node:http';
import fp from 'fastify-plugin';
import type { ServerOrigin } from '../config.js';
import { LOOPBACK_NAMES } from '../loopback.js';
import { BridgeboardError } from '../errors.js';

/** Methods that change something: the ones CSRF and Origin checks guard. */
export const MUTATING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hostnameOf(host: string | undefined): string | null {
  if (!host) return null;
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return null;
  }
}

function originOf(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}

/** `a.example` / `one of a.example, b.example`. */
function oneOf(values: Iterable<string>): string {
  const list = [...values];
  return list.length === 1 ? (list[0] ?? '') : `one of ${list.join(', ')}`;
}

export interface SameOriginOptions {
  /** This server as browsers name it (`serverOriginOf(config)`). */
  origin: ServerOrigin;
  /** A trusted proxy's `X-Forwarded-Host` (`forwardedHostOf(config)`). */
  forwardedHost: (req: IncomingMessage) => string | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Why a raw request (the socket's handshake, say) is refused, or null when it may go on. */
    foreignRequest(req: IncomingMessage): string | null;
  }
}

/**
 * Bridgeboard holds the Docker socket, so a web page the operator happens to have open must not
 * drive it. Two checks that hold before and beside sign-in (the auth plugin adds CSRF tokens):
 * - only requests sent to this server's names are answered: a DNS-rebinding page reaches the
 *   server's address under its own name. Behind a trusted proxy, the name it forwards
 *   (`X-Forwarded-Host`) must be ours too, and so must `Host`: a proxy that keeps `Host` may pass a
 *   page's own `X-Forwarded-Host` through;
 * - a browser request that changes something, or opens the socket, must come from a page this
 *   server served: its `Origin` is one of PUBLIC_URL's (or, on a loopback bind without it, names the
 *   host the request was sent to). Non-browser clients send no Origin.
 */
export default fp<SameOriginOptions>(
  async (fastify, opts) => {
    const { hostnames, origins } = opts.origin;
    const loopback = `a loopback name (${[...LOOPBACK_NAMES].join(', ')})`;
    const named = [...hostnames].filter((name) => !LOOPBACK_NAMES.has(name));
    const expectedNames =
      named.length > 0 ? `${oneOf(named)} (PUBLIC_URL) or ${loopback}` : `${loopback}${origins ? '' : '; set PUBLIC_URL to serve another'}`;

    const foreignHost = (req: IncomingMessage): string | null => {
      const sentTo: [string, string | undefined][] = [['Host', req.headers.host]];
      const forwarded = opts.forwardedHost(req);
      if (forwarded !== undefined) sentTo.push(['X-Forwarded-Host', forwarded]);
      for (const [header, value] of sentTo) {
        if (!hostnames.has(hostnameOf(value) ?? '')) return `${header} '${value ?? ''}' is not this server: expected ${expectedNames}`;
      }
      return null;
    };
    const foreignOrigin = (req: IncomingMessage): string | null => {
      const origin = req.headers.origin;
      if (origin === undefined) return null;
      const given = originOf(origin);
      if (origins) {
        if (given !== null && origins.has(given)) return null;
        return `cross-site request refused: Origin '${origin}' is not this server's: expected ${oneOf(origins)} (PUBLIC_URL)`;
      }
      if (given !== null && new URL(given).host === req.headers.host) return null;
      return `cross-site request refused: Origin '${origin}' is not this server's: expected http://${req.headers.host ?? ''}`;
    };

    fastify.decorate('foreignRequest', (req: IncomingMessage) => foreignHost(req) ?? foreignOrigin(req));
    fastify.addHook('onRequest', async (request) => {
      const refusal = foreignHost(request.raw) ?? (MUTATING.has(request.method) ? foreignOrigin(request.raw) : null);
      if (refusal !== null) throw new BridgeboardError('forbidden', refusal);
    });
  },
  { name: 'same-origin' },
);
