/** The keys of a network edit's requests, per engine: its plan (a read sent as POST) and its apply. */
export const networkEditKeys = {
  all: ['network-edit'] as const,
  engine: (engine: string) => [...networkEditKeys.all, engine] as const,
  plan: (engine: string) => [...networkEditKeys.engine(engine), 'plan'] as const,
  apply: (engine: string) => [...networkEditKeys.engine(engine), 'apply'] as const,
};
