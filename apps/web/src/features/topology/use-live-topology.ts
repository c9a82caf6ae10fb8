import { useTopologySync } from './use-topology-sync';
import { useTopology } from './topology-query';

/** The topology query, with the socket writing its news into it for as long as the caller is mounted. */
export function useLiveTopology() {
  useTopologySync();
  return useTopology();
}
