import type { FastifyInstance } from 'fastify';
import { defaultAccess } from '@bridgeboard/contract';
import type { StoredUser } from '../auth/user-store.js';
import { holderOf } from './rights.js';

/**
 * Revokes every token `username` made, with the grants given to them, and closes their sockets.
 * Tokens act with their own role: they must not outlive the rights of the admin who made them
 * (removed, disabled, no longer an admin by role or by grant).
 */
export function revokeTokensOf(app: FastifyInstance, username: string): void {
  for (const id of app.tokens.revokeMadeBy(username)) {
    app.grants.removeFor({ kind: 'token', name: id });
    app.io.in(`token:${id}`).disconnectSockets(true);
  }
}

/** Whether `user` is an admin where no engine is concerned (where tokens are made): by its own role or by a grant on all engines. */
export const isAdmin = (app: FastifyInstance, user: StoredUser): boolean => defaultAccess(holderOf(user, app.grants)).role === 'admin';
