import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { exportCommands, exportCompose, type ExportSelection, type Topology } from '@bridgeboard/topology';
import { topologyQuery } from '../topology/topology-query';

export type ExportFormat = 'commands' | 'compose';

/**
 * The topology (or a selection) as `docker network` commands or a compose `networks:` section,
 * made in the browser from the live topology with the functions `GET /api/export` uses. A name the
 * topology no longer has (the network was just removed) surfaces as the query's error.
 */
export function useExport(format: ExportFormat, selection: ExportSelection | undefined) {
  const key = JSON.stringify(selection ?? null);
  const select = useCallback(
    (t: Topology) => {
      const sel = JSON.parse(key) as ExportSelection | null;
      return format === 'compose' ? exportCompose(t, sel ?? undefined) : exportCommands(t, sel ?? undefined);
    },
    [format, key],
  );
  return useQuery({ ...topologyQuery, select });
}
