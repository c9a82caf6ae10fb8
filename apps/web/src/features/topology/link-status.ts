import { useQuery } from '@tanstack/react-query';
import type { EngineStatus } from '@bridgeboard/contract';
import { topologyKeys } from './topology-keys';

/** Whether this browser hears the server, and whether the server hears the engine. */
export interface LinkStatus {
  socket: 'connecting' | 'connected' | 'disconnected';
  engine: EngineStatus | null;
}

export const initialLinkStatus: LinkStatus = { socket: 'connecting', engine: null };

/** Written only by the socket sync; never fetched. */
export const useLinkStatus = () =>
  useQuery<LinkStatus>({
    queryKey: topologyKeys.link(),
    queryFn: () => initialLinkStatus,
    initialData: initialLinkStatus,
    staleTime: Infinity,
  });
