import { Link } from 'react-router';
import type { FleetHitGroup } from './fleet-search';

const KIND: Record<string, string> = { network: 'network', container: 'container', member: 'on another node' };

/** Hits of a search across engines, grouped by engine; each opens that engine's board on it. */
export function SearchResults({ groups }: { groups: FleetHitGroup[] }) {
  if (groups.length === 0)
    return (
      <p role="status" className="text-sm text-slate-500">
        Nothing on any engine matches.
      </p>
    );
  return (
    <div className="space-y-3" aria-label="Search results" role="region">
      {groups.map((g) => (
        <section key={g.engine} data-fleet-hits={g.engine} aria-label={`Found on ${g.name}`}>
          <h3 className="text-sm font-semibold">{`${g.name} (${g.hits.length})`}</h3>
          <ul className="mt-1 space-y-0.5 text-sm">
            {g.hits.map((h) => (
              <li key={`${h.kind}:${h.to}:${h.name}`}>
                <Link
                  to={h.to}
                  data-fleet-hit={h.name}
                  className="flex items-baseline gap-2 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800"
                >
                  <span className="w-28 shrink-0 text-xs text-slate-500">{KIND[h.kind]}</span>
                  <span className="font-medium">{h.name}</span>
                  <span className="truncate text-xs text-slate-500">{h.detail}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
