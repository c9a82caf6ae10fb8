/** Query keys of everything the socket keeps live. */
export const topologyKeys = {
  all: ['topology'] as const,
  snapshot: () => [...topologyKeys.all, 'snapshot'] as const,
  link: () => [...topologyKeys.all, 'link'] as const,
};
