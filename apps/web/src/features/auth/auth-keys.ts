/** Query keys of the session; everything outside `auth` is dropped when the session ends. */
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  setup: () => [...authKeys.all, 'setup'] as const,
  oidc: () => [...authKeys.all, 'oidc'] as const,
};
