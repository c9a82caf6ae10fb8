import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, SettingsBody, SettingsSchema } from '@bridgeboard/contract';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse };

const settings: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/', { schema: { response: { 200: SettingsSchema, ...Errors } } }, () => app.settings.get());
  app.put(
    '/',
    { config: { role: 'admin', audit: 'settings.update' }, schema: { body: SettingsBody, response: { 200: SettingsSchema, ...Errors } } },
    async (request) => app.settings.set(request.body),
  );
};

export default settings;
