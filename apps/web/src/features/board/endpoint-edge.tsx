import { BaseEdge, EdgeLabelRenderer, getStraightPath, useStore, type Edge, type EdgeProps } from '@xyflow/react';
import type { Endpoint } from '@bridgeboard/topology';
import { useNetworkRights } from './network-rights';

const LABEL_MIN_ZOOM = 0.35;
const LABEL_AT = 0.3;

export type EndpointEdgeType = Edge<
  {
    endpoint: Endpoint | null;
    networkName: string;
    containerName: string;
    pending: 'connecting' | 'disconnecting' | null;
    dimmed: boolean;
    onRemove: (() => void) | null;
    /** Where on the bar this link attaches, from its middle (px). */
    targetOffset: number;
  },
  'endpoint'
>;

/** A veth link: the container's address on this bridge, its aliases on hover, a remove control. */
export function EndpointEdge({ sourceX, sourceY, targetX, targetY, target, data, selected }: EdgeProps<EndpointEdgeType>) {
  const attachX = targetX + (data?.targetOffset ?? 0);
  const [path] = getStraightPath({ sourceX, sourceY, targetX: attachX, targetY });
  // Nearer the bridge than the chip: links of lower rows then label above the chips they cross.
  const labelX = attachX + (sourceX - attachX) * LABEL_AT;
  const labelY = targetY + (sourceY - targetY) * LABEL_AT;
  // Zoomed far out the labels are unreadable, and hundreds of them make panning crawl.
  const showLabel = useStore((s) => s.transform[2] >= LABEL_MIN_ZOOM);
  // Not offered where the user's rights refuse it (the server would anyway).
  const mayDisconnect = useNetworkRights().refusal(target, 'disconnect') === null;
  if (!data) return null;
  const { endpoint, networkName, containerName, pending, dimmed, onRemove } = data;
  const live = endpoint !== null && endpoint.endpointId !== '';
  const aliases = endpoint?.aliases ?? [];
  const address = endpoint?.ipv4 ?? (endpoint?.ipv6 ? endpoint.ipv6 : live ? 'no IP' : 'not running');
  const title = [
    `${containerName} on ${networkName}`,
    endpoint?.ipv4 && `IPv4 ${endpoint.ipv4}/${endpoint.ipv4PrefixLen ?? ''}`,
    endpoint?.ipv6 && `IPv6 ${endpoint.ipv6}`,
    endpoint?.mac && `MAC ${endpoint.mac}`,
    aliases.length > 0 && `aliases: ${aliases.join(', ')}`,
    endpoint?.dnsNames.length ? `DNS names: ${endpoint.dnsNames.join(', ')}` : endpoint && 'no DNS here (default bridge)',
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <>
      <BaseEdge
        path={path}
        style={{
          strokeWidth: selected ? 3 : 2,
          stroke: pending ? '#f59e0b' : live ? '#0284c7' : '#94a3b8',
          strokeDasharray: pending || !live ? '6 4' : undefined,
          opacity: dimmed ? 0.2 : 1,
        }}
      />
      {showLabel && (
        <EdgeLabelRenderer>
          <div
            data-endpoint={`${networkName}/${containerName}`}
            data-pending={pending ?? undefined}
            title={title}
            tabIndex={-1}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`, opacity: dimmed ? 0.3 : 1 }}
            className="nodrag nopan pointer-events-auto absolute flex items-center gap-1 rounded-full border border-slate-300 bg-white px-2 py-0.5 font-mono text-[11px] shadow-sm dark:border-slate-600 dark:bg-slate-900"
          >
            <span>{address}</span>
            {aliases.length > 0 && <span className="text-slate-500">+{aliases.length}</span>}
            {pending && <span className="text-amber-600">…</span>}
            {onRemove && mayDisconnect && !pending && (
              <button
                type="button"
                onClick={onRemove}
                aria-label={`Disconnect ${containerName} from ${networkName}`}
                className="ml-0.5 rounded-full px-1 leading-none text-slate-500 hover:bg-rose-100 hover:text-rose-700 focus:bg-rose-100 focus:outline-none"
              >
                ×
              </button>
            )}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}
