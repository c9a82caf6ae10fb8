import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { AuditEntry } from '@bridgeboard/contract';
import { socket } from '../../lib/socket';
import { prependEntry, type AuditPages } from './audit-cache';
import { matchesFilters, type AuditFilters } from './audit-filters';
import { auditKeys } from './audit-keys';

/**
 * Every audit entry arrives on the socket as it is written: each cached list it belongs in gets
 * it on top. Entries written while the socket was down are not replayed, so a reconnect refetches.
 */
export function useAuditLive(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const onAudit = (entry: AuditEntry) => {
      for (const query of queryClient.getQueryCache().findAll({ queryKey: auditKeys.lists() })) {
        const filters = (query.queryKey[2] ?? {}) as AuditFilters;
        if (!matchesFilters(entry, filters)) continue;
        queryClient.setQueryData<AuditPages>(query.queryKey, (old) => prependEntry(old, entry));
      }
    };
    let connectedBefore = socket.connected;
    const onConnect = () => {
      if (connectedBefore) void queryClient.invalidateQueries({ queryKey: auditKeys.all });
      connectedBefore = true;
    };
    socket.on('audit', onAudit);
    socket.on('connect', onConnect);
    return () => {
      socket.off('audit', onAudit);
      socket.off('connect', onConnect);
    };
  }, [queryClient]);
}
