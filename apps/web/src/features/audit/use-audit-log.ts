import { useInfiniteQuery } from '@tanstack/react-query';
import { client, dataOf } from '../../lib/api';
import { auditQuery, type AuditFilters } from './audit-filters';
import { auditKeys } from './audit-keys';

/** The audit log, newest first, a page at a time (`before` the last id seen); the socket prepends new entries. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => dataOf(client.GET('/api/audit', { params: { query: auditQuery(filters, pageParam) } })),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
