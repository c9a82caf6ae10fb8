/**
 * Route options for `'/'` in a plugin registered with a prefix: the route is the prefix alone
 * (`/api/users`). Fastify's default (`prefixTrailingSlash: 'both'`) also adds `/api/users/`, and
 * the OpenAPI document listed that one instead (the two share one options object, the slash one
 * registered last), which Redocly refuses (`no-path-trailing-slash`) and nothing calls.
 * https://fastify.dev/docs/latest/Reference/Routes/#routes-options
 */
export const atPrefix = { prefixTrailingSlash: 'no-slash' } as const;
