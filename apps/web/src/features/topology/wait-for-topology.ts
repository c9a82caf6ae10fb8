import type { QueryClient } from '@tanstack/react-query';
import type { Topology } from '@bridgeboard/topology';
import { topologyKeys } from './topology-keys';

/**
 * Resolves once the cached topology of `engine` satisfies `test`. A mutation's answer can arrive a
 * moment before its patch: waiting here keeps the pending mark on until the board really shows the change.
 */
export function waitForTopology(queryClient: QueryClient, engine: string, test: (t: Topology) => boolean, timeoutMs = 3000): Promise<void> {
  const holds = () => {
    const t = queryClient.getQueryData<Topology>(topologyKeys.snapshot(engine));
    return t !== undefined && test(t);
  };
  if (holds()) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      unsubscribe();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (holds()) done();
    });
  });
}
