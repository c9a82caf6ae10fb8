import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { Button } from '../components/ui/button';
import { AuditFilterBar } from '../features/audit/audit-filter-bar';
import { filtersFromSearch, type AuditFilters } from '../features/audit/audit-filters';
import { AuditTable } from '../features/audit/audit-table';
import { useAuditLog } from '../features/audit/use-audit-log';
import { Header } from './header';

const seen = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();

/** The audit log: every change and every refusal, newest first, live; filters live in the address. */
export function ActivityPage() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const log = useAuditLog(filters);
  const entries = useMemo(() => log.data?.pages.flatMap((p) => p.entries) ?? [], [log.data]);
  const suggestions = useMemo(
    () => ({
      user: seen(entries.map((e) => e.user)),
      network: seen(entries.map((e) => e.network)),
      container: seen(entries.map((e) => e.container)),
    }),
    [entries],
  );
  const apply = (next: AuditFilters) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value) params.set(key, String(value));
    setSearch(params, { replace: true });
  };

  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 overflow-y-auto p-4" data-page="activity">
        <h2 className="mb-3 text-xl font-semibold">Activity</h2>
        <AuditFilterBar key={search.toString()} filters={filters} suggestions={suggestions} onChange={apply} />
        <div className="mt-4">
          {log.isPending && (
            <p role="status" className="text-slate-500">
              Loading the audit log…
            </p>
          )}
          {log.error && (
            <p role="alert" className="text-rose-600">
              Could not load the audit log: {log.error.message}
            </p>
          )}
          {log.data && entries.length === 0 && (
            <p className="text-slate-500">Nothing recorded{Object.keys(filters).length ? ' that matches' : ''}.</p>
          )}
          {entries.length > 0 && <AuditTable entries={entries} />}
          {log.hasNextPage && (
            <Button className="mt-3" onClick={() => void log.fetchNextPage()} disabled={log.isFetchingNextPage}>
              {log.isFetchingNextPage ? 'Loading…' : 'Load older'}
            </Button>
          )}
        </div>
      </main>
    </div>
  );
}
