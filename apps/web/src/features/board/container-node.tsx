import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { Container } from '@bridgeboard/topology';
import type { ChipReach } from '../reachability/reach-from';
import { MARK_LABEL, MARK_TONE } from '../reachability/reach-mark';
import { CHIP_WIDTH } from './geometry';
import { serviceOfTask, taskName } from '../swarm/swarm-names';
import { NodeBadge } from './node-badge';

// Static, and no shadow: hundreds of chips are on screen while panning near (issue 13).
const CHIP: CSSProperties = { width: CHIP_WIDTH };

export type ContainerNodeType = Node<
  {
    container: Container;
    sharesWith: string | null;
    dimmed: boolean;
    pending: boolean;
    reach: ChipReach | null;
    /** The swarm node this engine is, on a chip beside other nodes' members (see localBadges); else null. */
    node: string | null;
  },
  'container'
>;

/** The badge on a chip in the "reach from" view; "none" has none, its chip is dimmed instead. */
const REACH_BADGE = { name: 'name', ip: 'IP only', link: 'link' } as const;
/** The chip's border says it from afar, where the badge is too small to read. */
const REACH_BORDER = { name: 'border-emerald-500 border-2', ip: 'border-amber-500 border-2', link: 'border-violet-500 border-2' } as const;

const STATE_TONE: Record<Container['state'], string> = {
  running: 'bg-emerald-500',
  paused: 'bg-amber-400',
  restarting: 'bg-amber-400',
  created: 'bg-slate-400',
  exited: 'bg-rose-500',
  dead: 'bg-rose-700',
  removing: 'bg-slate-400',
};

function modeBadge(c: Container, sharesWith: string | null): string | null {
  switch (c.networkMode.kind) {
    case 'host':
      return c.privileged ? 'host + privileged' : 'host stack';
    case 'none':
      return 'no network';
    case 'container':
      return `shares ${sharesWith ?? c.networkMode.container.slice(0, 12)}'s stack`;
    default:
      return null;
  }
}

export function ContainerNode({ data, selected, draggable }: NodeProps<ContainerNodeType>) {
  const { container: c, sharesWith, dimmed, pending, reach, node } = data;
  const badge = modeBadge(c, sharesWith);
  const mark = reach?.mark;
  const lit = mark === 'name' || mark === 'ip' || mark === 'link';
  return (
    <div
      data-container={c.name}
      data-state={c.state}
      data-pending={pending || undefined}
      data-draggable={draggable ? 'true' : 'false'}
      data-reach={mark}
      title={reach ? (mark === 'self' ? reach.explanation : `${MARK_LABEL[mark ?? 'none']}: ${reach.explanation}`) : undefined}
      style={CHIP}
      className={[
        'relative rounded-lg border bg-white px-2 py-1.5 text-left text-xs dark:bg-slate-900',
        lit ? REACH_BORDER[mark] : c.networkMode.kind === 'host' ? 'border-rose-400' : 'border-slate-300 dark:border-slate-600',
        selected || mark === 'self' ? 'ring-2 ring-sky-400' : '',
        pending ? 'animate-pulse border-dashed' : '',
        dimmed || mark === 'none' ? 'opacity-30' : '',
      ].join(' ')}
    >
      <Handle type="source" position={Position.Top} className="!h-1.5 !w-10 !rounded-sm !border-0 !bg-slate-400" isConnectable={false} />
      <div className="flex items-center gap-1.5">
        <span className={`inline-block h-2 w-2 shrink-0 rounded-full ${STATE_TONE[c.state]}`} aria-hidden />
        {/* A task's container by service and slot, as `docker service ps` names it; its full name on hover. */}
        <span className="truncate font-mono text-sm font-semibold" title={c.name}>
          {taskName(c.name, serviceOfTask(c))}
        </span>
        {lit && (
          <span
            data-reach-badge
            className={`absolute -top-2.5 right-1 rounded px-1 text-[10px] font-semibold ring-1 ring-black/15 ${MARK_TONE[mark]}`}
          >
            {REACH_BADGE[mark]}
          </span>
        )}
        {mark === 'self' && (
          <span className="absolute -top-2.5 right-1 rounded bg-sky-600 px-1 text-[10px] font-semibold text-white">from here</span>
        )}
      </div>
      <div className="flex justify-between gap-1 text-[11px] text-slate-500 dark:text-slate-400">
        <span className="truncate" title={c.image}>
          {c.image}
        </span>
        <span className="shrink-0">{c.state}</span>
      </div>
      {node && (
        <div className="mt-0.5">
          <NodeBadge node={node} self />
        </div>
      )}
      {c.ports.length > 0 && (
        <div className="mt-0.5 flex flex-wrap gap-1 font-mono text-[10px]">
          {c.ports.map((p) => (
            <span
              key={`${p.hostIp}:${p.hostPort}:${p.containerPort}/${p.protocol}`}
              className="rounded bg-sky-100 px-1 text-sky-900 dark:bg-sky-900 dark:text-sky-100"
              title="published on the host"
            >
              {p.hostIp}:{p.hostPort}→{p.containerPort}/{p.protocol}
            </span>
          ))}
        </div>
      )}
      {c.links.length > 0 && (
        <div className="mt-0.5 text-[10px] text-amber-700 dark:text-amber-300" title="legacy --link (default bridge only)">
          --link {c.links.map((l) => `${l.container}:${l.alias}`).join(', ')}
        </div>
      )}
      {/* Where a container:X-mode partner's "shares stack" line ends. */}
      <Handle id="stack" type="target" position={Position.Bottom} className="!h-1 !w-6 !border-0 !bg-slate-300" isConnectable={false} />
      {badge && (
        <div
          className={`mt-0.5 text-[10px] font-semibold ${c.networkMode.kind === 'host' ? 'text-rose-600 dark:text-rose-300' : 'text-slate-600 dark:text-slate-300'}`}
        >
          {badge}
        </div>
      )}
    </div>
  );
}
