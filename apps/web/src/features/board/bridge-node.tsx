import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { Network } from '@bridgeboard/topology';
import { kindOf } from './bridge-kind';
import { BridgeSummary, type Attached } from './bridge-summary';
import { BRIDGE_HEIGHT, BRIDGE_WIDTH } from './geometry';
import { useDropTarget } from './drop-target';
import { useNetworkRights } from './network-rights';
import { NodeBadge } from './node-badge';
import type { SwarmBar } from './swarm-marks';
import { useZoomBandOf } from './zoom-band';

export type BridgeNodeType = Node<
  {
    network: Network;
    dimmed: boolean;
    swarm: SwarmBar | null;
    /** This engine's endpoints on the network by container state, other nodes' members as running (the summary's count). */
    attached?: Attached;
  },
  'bridge'
>;

const NONE_ATTACHED: Attached = { running: 0, stopped: 0 };
const BAR: CSSProperties = { width: BRIDGE_WIDTH, minHeight: BRIDGE_HEIGHT };

const MTU = 'com.docker.network.driver.mtu';
const ICC = 'com.docker.network.bridge.enable_icc';
const MASQ = 'com.docker.network.bridge.enable_ip_masquerade';

export function BridgeNode({ data, selected }: NodeProps<BridgeNodeType>) {
  const { network: n, dimmed, swarm } = data;
  const far = useZoomBandOf() === 'far';
  const drop = useDropTarget();
  const rights = useNetworkRights();
  const locked = rights.refusal(n.id, 'connect');
  if (far) return <BridgeSummary network={n} swarm={swarm} attached={data.attached ?? NONE_ATTACHED} dimmed={dimmed} selected={selected} />;
  const hovered = drop?.networkId === n.id;
  const kind = kindOf(n, swarm);
  const subnets = n.ipam.config;
  const settings = [
    n.options[MTU] && `MTU ${n.options[MTU]}`,
    n.options[ICC] === 'false' && 'ICC off',
    n.options[MASQ] === 'false' && 'no masquerade',
    n.enableIPv6 && 'IPv6',
  ].filter(Boolean);
  return (
    <div
      data-network={n.name}
      data-view="detail"
      data-drop={hovered ? (drop.refusal ? 'refused' : 'allowed') : undefined}
      data-may-change={locked ? 'false' : 'true'}
      title={hovered && drop.refusal ? drop.refusal : (locked ?? undefined)}
      style={BAR}
      className={[
        'rounded-md border-2 border-b-8 px-3 py-2 text-left shadow-sm',
        kind.tone,
        selected ? 'ring-2 ring-sky-400 ring-offset-2 dark:ring-offset-slate-950' : '',
        hovered && !drop.refusal ? 'ring-4 ring-emerald-400' : '',
        hovered && drop.refusal ? 'cursor-not-allowed opacity-70 ring-4 ring-rose-500' : '',
        dimmed ? 'opacity-30' : '',
        rights.partial && locked ? 'border-dashed saturate-50' : '',
      ].join(' ')}
    >
      <div className="flex items-baseline justify-between gap-2">
        <span className="truncate font-mono text-base font-bold">{n.name}</span>
        <span className="shrink-0 text-xs text-slate-500 dark:text-slate-400">{n.driver}</span>
      </div>
      <div
        data-swarm-role={swarm?.role ?? undefined}
        title={kind.why}
        className="text-[11px] font-medium uppercase tracking-wide text-slate-600 dark:text-slate-300"
      >
        {kind.label}
      </div>
      {swarm && swarm.nodes.length > 0 && (
        <div className="mt-1 flex flex-wrap gap-1">
          {swarm.nodes.map((node) => (
            <NodeBadge key={node.name} node={node.name} self={node.self} span />
          ))}
        </div>
      )}
      <div className="mt-1 flex flex-wrap gap-x-3 font-mono text-xs text-slate-700 dark:text-slate-300">
        {n.hostInterface && <span title="the Linux bridge interface on the host">if {n.hostInterface}</span>}
        {subnets.map((c) => (
          <span key={c.subnet}>
            {c.subnet}
            {c.gateway ? ` via ${c.gateway}` : ''}
          </span>
        ))}
      </div>
      {(n.internal || settings.length > 0) && (
        <div className="mt-1 flex flex-wrap gap-1 text-[10px]">
          {n.internal && <span className="rounded bg-slate-700 px-1.5 py-0.5 font-semibold text-white">internal · no way out</span>}
          {settings.map((s) => (
            <span
              key={String(s)}
              className="rounded bg-white/70 px-1.5 py-0.5 ring-1 ring-slate-300 dark:bg-slate-900/60 dark:ring-slate-600"
            >
              {s}
            </span>
          ))}
        </div>
      )}
      {rights.partial && locked && !hovered && (
        <div data-locked className="mt-1 text-[11px] font-medium text-slate-600 dark:text-slate-300">
          View only for you: hover for why
        </div>
      )}
      {hovered && drop.refusal && <div className="mt-1 text-xs font-semibold text-rose-700 dark:text-rose-300">⛔ {drop.refusal}</div>}
      <Handle
        type="target"
        position={Position.Bottom}
        className="!h-2 !w-[90%] !rounded-sm !border-0 !bg-slate-500/40"
        isConnectable={false}
      />
    </div>
  );
}
