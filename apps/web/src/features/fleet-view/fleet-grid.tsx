import { EngineGroup } from './engine-group';
import type { FleetView } from './fleet-view';
import { OverlayBar } from './overlay-bar';

/**
 * The fleet on one grid: a column per engine; row 1 their headers, then a row per swarm overlay
 * (a bar across the columns it reaches), then each engine's own networks.
 */
export function FleetGrid({
  view,
  refused,
  errors,
}: {
  view: FleetView;
  refused: Map<string, string>;
  errors: Map<string, string | null>;
}) {
  const groupIds = view.groups.map((g) => g.id);
  return (
    <div
      className="grid gap-x-4"
      style={{
        gridTemplateColumns: `repeat(${view.groups.length}, minmax(16rem, 1fr))`,
        gridTemplateRows: `auto ${'auto '.repeat(view.overlays.length)}1fr`,
      }}
    >
      {view.groups.map((g, i) => (
        <EngineGroup key={g.id} group={g} column={i + 1} refused={refused.get(g.id) ?? null} error={errors.get(g.id) ?? null} />
      ))}
      {view.overlays.map((o, i) => (
        <OverlayBar key={o.id} overlay={o} row={i + 2} groupIds={groupIds} />
      ))}
    </div>
  );
}
