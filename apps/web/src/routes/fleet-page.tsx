import { useDeferredValue, useMemo, useState } from 'react';
import { fleetSearch } from '../features/fleet-view/fleet-search';
import { fleetView } from '../features/fleet-view/fleet-view';
import { FleetGrid } from '../features/fleet-view/fleet-grid';
import { SearchResults } from '../features/fleet-view/search-results';
import { useFleet } from '../features/fleet-view/use-fleet';
import { Header } from './header';

/** Every engine at once: engines as groups, swarm overlays across them, and a search of them all. */
export function FleetPage() {
  const { input, refused, errors, isPending, error } = useFleet();
  const [query, setQuery] = useState('');
  const deferred = useDeferredValue(query);
  const view = useMemo(() => (input ? fleetView(input) : null), [input]);
  const hits = useMemo(() => (input ? fleetSearch(input, deferred) : null), [input, deferred]);
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 space-y-4 overflow-auto p-4" data-page="fleet">
        <div className="flex flex-wrap items-center gap-3">
          <h2 className="text-xl font-semibold">All engines</h2>
          <input
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder="Container, network or overlay member, on every engine"
            aria-label="Search all engines"
            className="w-96 max-w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
          />
        </div>
        {isPending && (
          <p role="status" className="text-slate-500">
            Loading the engines…
          </p>
        )}
        {error && (
          <p role="alert" className="text-rose-600">
            Could not load the engines: {error.message}
          </p>
        )}
        {hits && <SearchResults groups={hits} />}
        {view && <FleetGrid view={view} refused={refused} errors={errors} />}
      </main>
    </div>
  );
}
