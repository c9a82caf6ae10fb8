/** Query keys of everything the socket keeps live. */
export const topologyKeys = {
  all: ['topology'] as const,
  /** One engine's topology: every engine has its own copy and its own revs. */
  snapshot: (engine: string) => [...topologyKeys.all, 'snapshot', engine] as const,
  link: () => [...topologyKeys.all, 'link'] as const,
};
