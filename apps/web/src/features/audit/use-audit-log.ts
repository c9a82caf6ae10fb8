import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditPage } from '@bridgeboard/contract';
import { get } from '../../lib/api';
import { auditPath, type AuditFilters } from './audit-filters';
import { auditKeys } from './audit-keys';

/** The audit log, newest first, a page at a time (`before` the last id seen); the socket prepends new entries. */
export function useAuditLog(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam }) => get<AuditPage>(auditPath(filters, pageParam)),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
