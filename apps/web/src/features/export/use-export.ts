import { useQuery } from '@tanstack/react-query';
import type { ExportResponse } from '@bridgeboard/contract';
import type { ExportSelection } from '@bridgeboard/topology';
import { get } from '../../lib/api';
import { useTopology } from '../topology/topology-query';

export type ExportFormat = 'commands' | 'compose';

/**
 * The topology (or a selection) as `docker network` commands or a compose `networks:` section,
 * from `GET /api/export` (made on the server: the YAML emitter stays out of the web bundle). Asked
 * again whenever the topology's rev moves, so the text follows the board.
 */
export function useExport(format: ExportFormat, selection: ExportSelection | undefined) {
  const rev = useTopology().data?.rev ?? 0;
  const params = new URLSearchParams({ format });
  for (const n of selection?.networks ?? []) params.append('networks', n);
  for (const c of selection?.containers ?? []) params.append('containers', c);
  const query = params.toString();
  return useQuery({
    queryKey: ['export', query, rev],
    queryFn: () => get<ExportResponse>(`/api/export?${query}`),
    select: (answer) => answer.text,
    placeholderData: (previous) => previous,
  });
}
