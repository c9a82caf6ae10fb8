import { keepPreviousData, skipToken, useQuery } from '@tanstack/react-query';
import type { MigrationBody } from '@bridgeboard/contract';
import { client, dataOf } from '../../lib/api';
import { migrationKeys } from './migration-keys';
import { useEngineId } from '../engines/engine-selection';

/**
 * The server's plan for a body (`POST /api/engines/:engine/migrations/plan`: a read, but a POST, so it carries the
 * CSRF header like any other). The server plans with the same function it applies with, so what the
 * dialog shows is what Apply runs. The previous plan stays on screen while the next one loads.
 */
export function useMigrationPlan(body: MigrationBody | null, rev: number) {
  const engine = useEngineId();
  return useQuery({
    queryKey: [...migrationKeys.plan(body ?? { containers: [] }, rev), engine],
    // skipToken rather than `enabled`: no body, no request (and the body is known non-null in the call).
    queryFn: body ? () => dataOf(client.POST('/api/engines/{engine}/migrations/plan', { params: { path: { engine } }, body })) : skipToken,
    placeholderData: keepPreviousData,
  });
}
