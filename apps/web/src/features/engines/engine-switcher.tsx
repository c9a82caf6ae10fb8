import { useEngineId, useSelectEngine } from './engine-selection';
import { useEngines } from './engines-query';

/**
 * Which engine the page shows, and how each engine is: a native select (keyboard and screen
 * readers for free), each option saying whether its engine answers. Shown once there is more than one.
 */
export function EngineSwitcher() {
  const current = useEngineId();
  const select = useSelectEngine();
  const { data: engines } = useEngines();
  // One engine: nothing to switch between (the Engines page still lists it).
  if (!engines || (engines.length === 1 && engines[0]?.id === current)) return null;
  const down = engines.filter((e) => !e.status.reachable).map((e) => e.name);
  return (
    <label className="flex items-center gap-1 text-sm" data-engines={engines.length} data-engines-down={down.join(',')}>
      <span className="text-slate-500 dark:text-slate-400">Engine</span>
      <select
        aria-label="Engine"
        value={current}
        onChange={(e) => select(e.target.value)}
        className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-700 dark:bg-slate-800"
      >
        {engines.map((e) => (
          <option key={e.id} value={e.id} data-engine={e.id}>
            {`${e.status.reachable ? '●' : '○'} ${e.name}${e.status.reachable ? '' : ' (unreachable)'}`}
          </option>
        ))}
        {!engines.some((e) => e.id === current) && <option value={current}>{`${current} (unknown engine)`}</option>}
      </select>
      {down.length > 0 && (
        <span className="text-xs text-amber-600" role="status">
          {`${down.length} of ${engines.length} unreachable`}
        </span>
      )}
    </label>
  );
}
