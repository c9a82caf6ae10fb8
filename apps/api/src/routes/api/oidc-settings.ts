import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorResponse, OidcSettingsBody, OidcSettingsView } from '@bridgeboard/contract';
import { atPrefix } from './at-prefix.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 409: ErrorResponse };

/**
 * Single sign-on's provider, set by an admin when the environment sets none (issue 15). The client
 * secret goes in and never comes out: no answer holds it, the audit trail drops it (SECRET_FIELDS),
 * and the database keeps it sealed.
 */
const oidcSettings: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin' },
      schema: {
        operationId: 'getOidcSettings',
        summary: 'The single sign-on provider in use and where it comes from; never its client secret',
        response: { 200: OidcSettingsView, ...Errors },
      },
    },
    () => app.oidcConfiguration.view(),
  );

  app.put(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'sso.update' },
      schema: {
        operationId: 'updateOidcSettings',
        summary: 'Set the single sign-on provider (checked with the provider first); 409 when the environment sets it',
        description:
          'Discovery and the client’s credentials are tried before anything is stored: a failure answers 400 (a field) or 502 (the provider), and changes nothing. Without `clientSecret`, the stored one is kept.',
        body: OidcSettingsBody,
        response: { 200: OidcSettingsView, ...Errors, 502: ErrorResponse },
      },
    },
    async (request) => app.oidcConfiguration.save(request.body, request.principal?.username ?? 'unknown'),
  );

  app.delete(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'sso.remove' },
      schema: {
        operationId: 'removeOidcSettings',
        summary: 'Turn single sign-on off (the provider an admin set, secret and all); 409 when the environment sets it',
        response: { 204: Type.Null(), ...Errors },
      },
    },
    async (request, reply) => {
      app.oidcConfiguration.turnOff(request.principal?.username ?? 'unknown');
      return reply.status(204).send(null);
    },
  );
};

export default oidcSettings;
