/** Grants change what every answer of this feature says: one root, invalidated whole. */
export const rightsKeys = {
  all: ['rights'] as const,
  grants: () => [...rightsKeys.all, 'grants'] as const,
  ofUser: (username: string) => [...rightsKeys.all, 'user', username] as const,
  access: (question: AccessQuestion) => [...rightsKeys.all, 'access', question] as const,
  networks: (engine: string) => [...rightsKeys.all, 'networks', engine] as const,
};

/** "Why can't …?": may `username` act as `role` on `engine`, or on one of its networks. */
export interface AccessQuestion {
  username: string;
  engine: string;
  role: 'viewer' | 'operator' | 'admin';
  network?: string | undefined;
}
