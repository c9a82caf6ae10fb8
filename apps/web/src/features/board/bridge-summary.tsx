import type { CSSProperties } from 'react';
import type { Network } from '@bridgeboard/topology';
import { kindOf } from './bridge-kind';
import { BRIDGE_WIDTH, SUMMARY_HEIGHT } from './geometry';
import type { SwarmBar } from './swarm-marks';
import { SCALE_VAR } from './zoom-band';

export interface Attached {
  running: number;
  stopped: number;
}

/** The state colour of a summary: what its attached containers are doing, at a glance. */
export function attachedState(a: Attached): 'running' | 'mixed' | 'stopped' | 'empty' {
  if (a.running > 0) return a.stopped > 0 ? 'mixed' : 'running';
  return a.stopped > 0 ? 'stopped' : 'empty';
}

const STATE_STRIP = { running: 'bg-emerald-500', mixed: 'bg-amber-400', stopped: 'bg-slate-400', empty: 'bg-transparent' } as const;

// Static objects, so that a summary rendering again hands React the same style. The type reads at
// about 12 px on screen at any far zoom: SummaryScale (zoom-band.ts) sets the variable on the board.
const BOX: CSSProperties = { width: BRIDGE_WIDTH, height: SUMMARY_HEIGHT };
const TYPE: CSSProperties = { fontSize: `calc(12px * var(${SCALE_VAR}, 1))`, lineHeight: 1.15 };

/**
 * A bridge from afar: its name, how many containers are attached (running, stopped) and a strip
 * in their state's colour, on the kind's colours. No chips or links are drawn at this zoom, so the
 * summary takes the room they would have had. Plain boxes: no shadow or transition, as a
 * thousand of them are panned at once.
 */
export function BridgeSummary({
  network: n,
  swarm,
  attached,
  dimmed,
  selected,
}: {
  network: Network;
  swarm: SwarmBar | null;
  attached: Attached;
  dimmed: boolean;
  selected: boolean;
}) {
  const kind = kindOf(n, swarm);
  const state = attachedState(attached);
  return (
    <div
      data-network={n.name}
      data-view="summary"
      data-state={state}
      title={`${n.name}: ${kind.label}\n${attached.running} running, ${attached.stopped} stopped attached`}
      style={BOX}
      className={[
        'flex flex-col overflow-hidden rounded-md border-4 text-left',
        kind.tone,
        selected ? 'outline outline-8 outline-sky-400' : '',
        dimmed ? 'opacity-30' : '',
      ].join(' ')}
    >
      <div className={`h-6 shrink-0 ${STATE_STRIP[state]}`} aria-hidden />
      <div style={TYPE} className="flex min-h-0 flex-1 flex-col gap-[0.3em] p-[0.3em]">
        <span className="break-all font-bold text-slate-900 dark:text-slate-100">{n.name}</span>
        <span data-attached className="flex flex-wrap gap-x-[0.4em] font-mono text-slate-700 dark:text-slate-300">
          <span title="running">
            <span className="mr-[0.15em] inline-block h-[0.6em] w-[0.6em] rounded-full bg-emerald-500" aria-hidden />
            {attached.running}
          </span>
          <span title="not running">
            <span className="mr-[0.15em] inline-block h-[0.6em] w-[0.6em] rounded-full bg-slate-400" aria-hidden />
            {attached.stopped}
          </span>
        </span>
      </div>
    </div>
  );
}
