import { useQuery } from '@tanstack/react-query';
import type { ExportSelection } from '@bridgeboard/topology';
import { client, dataOf } from '../../lib/api';
import { useTopology } from '../topology/topology-query';
import { exportQuery, type ExportQuery } from './export-params';
import { useEngineId } from '../engines/engine-selection';

export type ExportFormat = ExportQuery['format'];

/**
 * The topology (or a selection) as `docker network` commands or a compose `networks:` section,
 * from `GET /api/engines/:engine/export` (made on the server: the YAML emitter stays out of the web bundle). Asked
 * again whenever the topology's rev moves, so the text follows the board.
 */
export function useExport(format: ExportFormat, selection: ExportSelection | undefined) {
  const engine = useEngineId();
  const rev = useTopology().data?.rev ?? 0;
  const query = exportQuery(format, selection);
  return useQuery({
    queryKey: ['export', engine, query, rev],
    queryFn: () => dataOf(client.GET('/api/engines/{engine}/export', { params: { path: { engine }, query } })),
    select: (answer) => answer.text,
    placeholderData: (previous) => previous,
  });
}
