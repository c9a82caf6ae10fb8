/** Mutation keys, so the board can show which links are pending (useMutationState). */
export const connectionKeys = {
  all: ['connections'] as const,
  connect: () => [...connectionKeys.all, 'connect'] as const,
  disconnect: () => [...connectionKeys.all, 'disconnect'] as const,
};
