import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponse, UserAccess, UserDisabledBody, UsernameParams } from '@bridgeboard/contract';
import { revokeTokensOf } from '../../services/account-tokens.js';

const Errors = { 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse, 409: ErrorResponse };

/**
 * Shutting an account out without removing it (issue 15): a single sign-on account would come back
 * at its next sign-in if it were only removed. A disabled account signs in neither with a password
 * nor through the provider; disabling ends its sessions and sockets and revokes the tokens it made
 * (as removing it does; enabling it again does not bring them back).
 */
const userDisabled: FastifyPluginAsyncTypebox = async (app) => {
  app.put(
    '/:username/disabled',
    {
      config: { role: 'admin', audit: 'user.update' },
      schema: {
        operationId: 'setUserDisabled',
        summary: 'Disable an account (ends its sessions, revokes its tokens) or enable it again',
        params: UsernameParams,
        body: UserDisabledBody,
        response: { 200: UserAccess, ...Errors },
      },
    },
    async (request) => {
      const { username } = request.params;
      const updated = app.users.setDisabled(username, request.body.disabled);
      if (!updated) throw app.httpErrors.notFound(`user '${username}' does not exist`);
      if (updated === 'last-admin')
        throw app.httpErrors.conflict(`'${username}' is the last admin who is not disabled: make another admin first`);
      if (updated.disabled) {
        app.sessions.removeForUser(username);
        app.io.in(`user:${username}`).disconnectSockets(true);
        revokeTokensOf(app, username);
      }
      return { username: updated.username, disabled: updated.disabled, source: updated.source };
    },
  );
};

export default userDisabled;
