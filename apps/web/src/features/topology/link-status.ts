import { useQuery } from '@tanstack/react-query';
import type { EngineStatus } from '@bridgeboard/contract';
import { own } from '@bridgeboard/topology';
import { useEngineId } from '../engines/engine-selection';
import { topologyKeys } from './topology-keys';

/** Whether this browser hears the server, and whether the server hears each engine it follows. */
export interface LinkState {
  socket: 'connecting' | 'connected' | 'disconnected';
  /** By engine id; an engine not heard of yet is absent. */
  engines: Record<string, EngineStatus>;
}

/** The link as the page that shows one engine sees it. */
export interface LinkStatus {
  socket: LinkState['socket'];
  engine: EngineStatus | null;
}

export const initialLinkState: LinkState = { socket: 'connecting', engines: {} };

/** Written only by the socket sync; never fetched. */
const useLinkState = () =>
  useQuery<LinkState>({
    queryKey: topologyKeys.link(),
    queryFn: () => initialLinkState,
    initialData: initialLinkState,
    staleTime: Infinity,
  });

/** The socket, and the engine this tab shows. */
export function useLinkStatus(): LinkStatus {
  const engine = useEngineId();
  const { data } = useLinkState();
  return { socket: data.socket, engine: own(data.engines, engine) ?? null };
}
