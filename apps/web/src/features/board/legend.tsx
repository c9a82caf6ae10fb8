import { useQuery } from '@tanstack/react-query';
import { useEngineId } from '../engines/engine-selection';
import { topologyQuery } from '../topology/topology-query';
import { swarmMarks } from './swarm-marks';
import { SMALL_BOARD_CHIPS } from './zoom-band';
import type { Topology } from '@bridgeboard/topology';

const manyContainers = (t: Topology) => Object.keys(t.containers).length > SMALL_BOARD_CHIPS;

const KEY = 'bridgeboard.legend';

/** What the marks on the board mean, in the article's terms; open until the user folds it away. */
export function Legend({ canConnect }: { canConnect: boolean }) {
  // The swarm's marks are explained only on a board that shows them.
  const engine = useEngineId();
  const marks = useQuery({ ...topologyQuery(engine), select: swarmMarks }).data;
  // The cards are explained where they are drawn short of the farthest zoom: a board past SMALL_BOARD_CHIPS.
  const cards = useQuery({ ...topologyQuery(engine), select: manyContainers }).data;
  return (
    <details
      open={localStorage.getItem(KEY) !== 'closed'}
      onToggle={(e) => localStorage.setItem(KEY, e.currentTarget.open ? 'open' : 'closed')}
      className="absolute bottom-3 left-14 z-10 max-w-xs rounded-md border border-slate-200 bg-white/95 p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900/95"
    >
      <summary className="cursor-pointer font-semibold">Legend</summary>
      <ul className="mt-1 space-y-1">
        <li>
          <span className="mr-1 inline-block h-2 w-6 rounded-sm border-b-4 border-amber-500 bg-amber-50 align-middle" /> default bridge
          (docker0): IP only, or legacy --link
        </li>
        <li>
          <span className="mr-1 inline-block h-2 w-6 rounded-sm border-b-4 border-sky-600 bg-sky-50 align-middle" /> user-defined bridge:
          DNS by name and alias
        </li>
        <li>
          <span className="mr-1 inline-block h-2 w-6 rounded-sm border-b-4 border-rose-500 bg-rose-50 align-middle" /> host mode: shares the
          host's network stack
        </li>
        <li>
          <span className="mr-1 inline-block h-2 w-6 rounded-sm border-b-4 border-slate-400 bg-slate-100 align-middle" /> none mode: no
          network at all
        </li>
        <li>
          <span className="mr-1 inline-block w-6 border-t-2 border-sky-600 align-middle" /> veth link, labelled with the address on that
          bridge
        </li>
        <li>
          <span className="mr-1 inline-block w-6 border-t-2 border-dashed border-slate-400 align-middle" /> configured, container not
          running
        </li>
        <li>
          <span className="mr-1 inline-block w-6 border-t-2 border-dashed border-amber-500 align-middle" /> change in flight
        </li>
        {marks?.members && (
          <li data-legend="member">
            <span className="mr-1 inline-block h-3 w-6 rounded border border-dashed border-violet-400 bg-violet-50 align-middle" />
            <span className="mr-1 inline-block w-6 border-t-2 border-dashed border-violet-500 align-middle" /> a container on another swarm
            node, on this overlay: read-only here (it runs on another engine)
          </li>
        )}
        {marks?.badges && (
          <li data-legend="node-badge">
            <span className="mr-1 rounded bg-violet-100 px-1 font-mono text-[10px] font-semibold text-violet-900 ring-1 ring-violet-300">
              ⬢ node
            </span>
            the swarm node a chip runs on (grey: this engine)
          </li>
        )}
        <li>
          <span className="mr-1 inline-block h-2 w-2 rounded-full bg-emerald-500 align-middle" /> running{' '}
          <span className="ml-1 mr-1 inline-block h-2 w-2 rounded-full bg-amber-400 align-middle" /> paused{' '}
          <span className="ml-1 mr-1 inline-block h-2 w-2 rounded-full bg-rose-500 align-middle" /> exited
        </li>
        {cards && (
          <li data-legend="summary">
            <span className="mr-1 inline-flex h-4 w-3 flex-col overflow-hidden rounded-sm border border-sky-600 bg-sky-50 align-middle">
              <span className="h-1 bg-emerald-500" />
            </span>
            zoomed far out, each network is a card: its name and its attached containers (
            <span className="inline-block h-2 w-2 rounded-full bg-emerald-500 align-middle" /> running,{' '}
            <span className="inline-block h-2 w-2 rounded-full bg-slate-400 align-middle" /> not), its top{' '}
            <span className="text-emerald-700 dark:text-emerald-400">all running</span>,{' '}
            <span className="text-amber-600 dark:text-amber-400">some</span> or <span className="text-slate-500">none</span>. Zoom in for
            containers and links.
          </li>
        )}
        {canConnect ? (
          <li>
            Drag a container onto a bridge to connect (Shift: move, Alt: aliases/IP). Pull a link off its bridge, or ×, to disconnect.
          </li>
        ) : (
          <li>Your role can look, not change: an operator or admin connects containers.</li>
        )}
      </ul>
    </details>
  );
}
