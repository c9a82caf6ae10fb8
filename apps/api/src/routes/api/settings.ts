import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, SettingsBody, SettingsSchema } from '@bridgeboard/contract';
import { atPrefix } from './at-prefix.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const settings: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      ...atPrefix,
      config: { role: 'viewer' },
      schema: { operationId: 'getSettings', summary: 'The server settings', response: { 200: SettingsSchema, ...Errors } },
    },
    () => app.settings.get(),
  );
  app.put(
    '/',
    {
      ...atPrefix,
      config: { role: 'admin', audit: 'settings.update' },
      schema: {
        operationId: 'updateSettings',
        summary: 'Change the server settings',
        body: SettingsBody,
        response: { 200: SettingsSchema, ...Errors },
      },
    },
    async (request) => app.settings.set(request.body),
  );
};

export default settings;
