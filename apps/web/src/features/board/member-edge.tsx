import { BaseEdge, EdgeLabelRenderer, getStraightPath, useStore, type Edge, type EdgeProps } from '@xyflow/react';
import type { OverlayMember } from '@bridgeboard/topology';

const LABEL_MIN_ZOOM = 0.35;
const LABEL_AT = 0.3;

export type MemberEdgeType = Edge<
  {
    member: OverlayMember;
    name: string;
    networkName: string;
    node: string;
    dimmed: boolean;
    /** Where on the bar this link attaches, from its middle (px). */
    targetOffset: number;
  },
  'member'
>;

/**
 * A member's link to the overlay, through its own node's VXLAN rather than a veth on this host:
 * dashed and violet, and never pulled or removed from here.
 */
export function MemberEdge({ sourceX, sourceY, targetX, targetY, data }: EdgeProps<MemberEdgeType>) {
  const attachX = targetX + (data?.targetOffset ?? 0);
  const [path] = getStraightPath({ sourceX, sourceY, targetX: attachX, targetY });
  const labelX = attachX + (sourceX - attachX) * LABEL_AT;
  const labelY = targetY + (sourceY - targetY) * LABEL_AT;
  const showLabel = useStore((s) => s.transform[2] >= LABEL_MIN_ZOOM);
  if (!data) return null;
  const { member: m, name, networkName, node, dimmed } = data;
  return (
    <>
      <BaseEdge path={path} style={{ strokeWidth: 2, stroke: '#8b5cf6', strokeDasharray: '8 4', opacity: dimmed ? 0.2 : 1 }} />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            data-member-link={`${networkName}/${name}`}
            title={`${m.name} on ${networkName}, on node ${node}${m.ipv4 ? `\nIPv4 ${m.ipv4}` : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, opacity: dimmed ? 0.3 : 1 }}
            className="nodrag nopan pointer-events-auto absolute rounded-full border border-violet-300 bg-white px-2 py-0.5 font-mono text-[11px] shadow-sm dark:border-violet-700 dark:bg-slate-900"
          >
            {m.ipv4 ?? 'no IPv4'}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
