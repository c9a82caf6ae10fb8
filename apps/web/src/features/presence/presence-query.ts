import { useQuery } from '@tanstack/react-query';
import type { PresenceUser } from '@bridgeboard/contract';

export const presenceKeys = { all: ['presence'] as const };

/** Who has Bridgeboard open; written only by the socket's `presence` event, never fetched. */
export const usePresence = () =>
  useQuery<PresenceUser[]>({
    queryKey: presenceKeys.all,
    queryFn: () => [],
    initialData: [],
    staleTime: Infinity,
  });
