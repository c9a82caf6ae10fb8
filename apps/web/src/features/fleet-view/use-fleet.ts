import { useQueries, type UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Topology } from '@bridgeboard/topology';
import { useEngines } from '../engines/engines-query';
import { topologyQuery } from '../topology/topology-query';
import { useFollowEngines } from '../topology/use-topology-sync';
import type { FleetInput } from './fleet-view';

// Stable, so that the combined result is kept while no topology changed.
const combine = (results: UseQueryResult<Topology>[]) => ({
  data: results.map((r) => r.data),
  errors: results.map((r) => r.error?.message ?? null),
});

/**
 * Every engine's topology, each in its own cache entry and kept live while the page is mounted
 * (the socket follows them all). Engines the server refused to follow are not read at all.
 */
export function useFleet() {
  const engines = useEngines();
  const ids = useMemo(() => engines.data?.map((e) => e.id) ?? [], [engines.data]);
  const ack = useFollowEngines(ids);
  const refused = useMemo(() => new Map((ack?.refused ?? []).map((r) => [r.engine, r.reason])), [ack]);
  const results = useQueries({ queries: ids.map((id) => ({ ...topologyQuery(id), enabled: !refused.has(id) })), combine });
  const input = useMemo<FleetInput | null>(
    () =>
      engines.data ? { engines: engines.data, topologies: Object.fromEntries(engines.data.map((e, i) => [e.id, results.data[i]])) } : null,
    [engines.data, results.data],
  );
  const errors = useMemo(() => new Map(ids.map((id, i) => [id, results.errors[i] ?? null])), [ids, results.errors]);
  return { input, refused, errors, isPending: engines.isPending, error: engines.error };
}
