import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import type { CSSProperties } from 'react';
import type { OverlayMember } from '@bridgeboard/topology';
import { CHIP_WIDTH } from './geometry';
import { NodeBadge } from './node-badge';

// Static, and no shadow: hundreds of chips are on screen while panning near (issue 13).
const CHIP: CSSProperties = { width: CHIP_WIDTH };

export type MemberNodeType = Node<
  {
    member: OverlayMember;
    /** `fx-web.2` for a task, the container's name for a standalone one. */
    name: string;
    /** The node it runs on: hostname, else address. */
    node: string;
    /** Set when it is the engine's own sandbox (routing mesh, load balancer), not a container. */
    sandbox: string | null;
    dimmed: boolean;
  },
  'member'
>;

/**
 * A container on another swarm node, on an overlay this engine is on. Read-only: it lives on
 * another engine, so it is neither dragged nor unlinked from here.
 */
export function MemberNode({ data, selected }: NodeProps<MemberNodeType>) {
  const { member: m, name, node, sandbox, dimmed } = data;
  return (
    <div
      data-member={name}
      data-draggable="false"
      data-sandbox={sandbox ? 'true' : undefined}
      title={
        sandbox
          ? `${m.name}: the ${sandbox} of node ${node} (${m.nodeAddr}), made by the engine, not a container`
          : `${m.name} on swarm node ${node} (${m.nodeAddr}): read-only here, it runs on another engine`
      }
      style={CHIP}
      className={[
        'relative rounded-lg border border-dashed border-violet-400 bg-violet-50/80 px-2 py-1.5 text-left text-xs dark:border-violet-600 dark:bg-violet-950/40',
        selected ? 'ring-2 ring-sky-400' : '',
        dimmed ? 'opacity-30' : '',
      ].join(' ')}
    >
      <Handle type="source" position={Position.Top} className="!h-1.5 !w-10 !rounded-sm !border-0 !bg-violet-400" isConnectable={false} />
      <div className="truncate font-mono text-sm font-semibold">{name}</div>
      <div className="flex justify-between gap-1 text-[11px] text-slate-600 dark:text-slate-300">
        <span className="font-mono">{m.ipv4 ?? 'no IPv4'}</span>
        {m.service && (
          <span className="truncate" title={`a task of service ${m.service}`}>
            svc {m.service}
          </span>
        )}
        {sandbox && <span className="truncate italic">{sandbox}</span>}
      </div>
      <div className="mt-0.5">
        <NodeBadge node={node} />
      </div>
    </div>
  );
}
