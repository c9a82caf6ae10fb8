export const wireKeys = {
  all: ['wire'] as const,
  /** `endpoints`: a signature of the container's attachments and state; when they change the wire is read again. */
  container: (name: string, endpoints: string) => [...wireKeys.all, name, endpoints] as const,
};
