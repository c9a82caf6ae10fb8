import { Link } from 'react-router';
import { boardLink } from './board-link';
import type { FleetGroup } from './fleet-view';

/** How the group says its engine is: answering, down, refused to this user, or not read yet. */
function stateOf(group: FleetGroup, refused: string | null, error: string | null) {
  if (refused !== null) return { dot: 'bg-slate-400', text: 'not visible to you', title: refused };
  if (!group.reachable) return { dot: 'bg-amber-500', text: 'unreachable', title: 'The server cannot reach this engine now.' };
  if (error !== null) return { dot: 'bg-rose-500', text: 'could not be read', title: error };
  return { dot: 'bg-emerald-500', text: group.counts ? null : 'loading…', title: 'live' };
}

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
const countLine = (c: NonNullable<FleetGroup['counts']>) =>
  `${counted(c.networks, 'network')}${c.overlays > 0 ? ` + ${c.overlays} swarm` : ''} · ${counted(c.containers, 'container')} · ${c.running} running`;

/**
 * One engine as a group: a column spanning every row of the fleet grid (a subgrid, so that the
 * overlay bars between its header and its networks line up across the groups).
 */
export function EngineGroup({
  group,
  column,
  refused,
  error,
}: {
  group: FleetGroup;
  column: number;
  refused: string | null;
  error: string | null;
}) {
  const state = stateOf(group, refused, error);
  return (
    <section
      aria-label={`Engine ${group.name}`}
      data-fleet-engine={group.id}
      data-reachable={group.reachable ? 'yes' : 'no'}
      style={{ gridColumn: column, gridRow: '1 / -1', gridTemplateRows: 'subgrid' }}
      className="grid rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <header className="space-y-1 border-b border-slate-200 p-3 dark:border-slate-800">
        <div className="flex items-center gap-2">
          <span className={`inline-block h-2.5 w-2.5 shrink-0 rounded-full ${state.dot}`} title={state.title} />
          <h3 className="truncate font-semibold">{group.name}</h3>
          {group.name !== group.id && <code className="text-xs text-slate-500">{group.id}</code>}
          {group.role && (
            <span className="ml-auto rounded bg-indigo-100 px-1.5 text-xs text-indigo-800 dark:bg-indigo-900 dark:text-indigo-100">
              swarm {group.role}
            </span>
          )}
        </div>
        {state.text && (
          <p className="text-xs text-amber-700 dark:text-amber-400" data-fleet-state={state.text} title={state.title}>
            {state.text}
          </p>
        )}
        {group.counts && <p className="text-xs text-slate-500 dark:text-slate-400">{countLine(group.counts)}</p>}
      </header>
      <ul className="space-y-1 self-start p-3 text-sm" style={{ gridRow: -2 }} aria-label={`Networks of ${group.name}`}>
        {group.networks.map((n) => (
          <li key={n.id}>
            <Link
              to={boardLink(group.id, { kind: 'network', name: n.name })}
              data-fleet-network={n.name}
              className="flex items-baseline gap-2 rounded px-1 hover:bg-slate-100 dark:hover:bg-slate-800"
            >
              <span className="truncate font-medium">{n.name}</span>
              <span className="text-xs text-slate-500">{n.driver}</span>
              <span className="ml-auto text-xs text-slate-500">{counted(n.containers, 'container')}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
