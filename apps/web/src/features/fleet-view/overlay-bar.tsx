import { Link } from 'react-router';
import { boardLink } from './board-link';
import type { FleetOverlay, OverlayNode } from './fleet-view';

const endpointsText = (n: number) => `${n} ${n === 1 ? 'endpoint' : 'endpoints'}`;

function NodeMark({ node, to }: { node: OverlayNode; to: string | null }) {
  const body = (
    <>
      <span className="font-medium">{node.name}</span>
      <span className="text-slate-500 dark:text-slate-400">{` · ${endpointsText(node.endpoints)}`}</span>
    </>
  );
  const attrs = {
    'data-fleet-node': node.name,
    'data-engine': node.engine ?? undefined,
    'data-endpoints': node.endpoints,
    title: node.engine ? `Node ${node.addr}, engine ${node.engine}` : `Node ${node.addr}, not registered as an engine`,
    className: 'truncate rounded-full bg-white/80 px-2 py-0.5 text-xs dark:bg-slate-900/80',
  };
  return to ? (
    <Link to={to} {...attrs}>
      {body}
    </Link>
  ) : (
    <span {...attrs}>{body}</span>
  );
}

/**
 * A swarm overlay, drawn once: a bar across the groups of the engines it reaches, a mark under each
 * such engine with its endpoints there, and the nodes that are no engine here named at its end.
 */
export function OverlayBar({ overlay, row, groupIds }: { overlay: FleetOverlay; row: number; groupIds: string[] }) {
  const { from, to } = overlay.span;
  const columns = groupIds.slice(from, to + 1);
  const others = overlay.nodes.filter((n) => n.engine === null);
  const total = overlay.nodes.reduce((sum, n) => sum + n.endpoints, 0);
  return (
    <div
      data-fleet-overlay={overlay.name}
      style={{ gridColumn: `${from + 1} / ${to + 2}`, gridRow: row }}
      className="relative z-10 mx-1 my-1 space-y-1 rounded-md border border-indigo-300 bg-indigo-50 px-2 py-1 dark:border-indigo-700 dark:bg-indigo-950"
    >
      <div className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <Link to={boardLink(overlay.shownOn, { kind: 'network', name: overlay.name })} className="font-semibold hover:underline">
          {overlay.name}
        </Link>
        <span className="text-xs text-slate-600 dark:text-slate-300">
          {overlay.ingress ? 'ingress · routing mesh' : 'swarm overlay'}
          {` · ${endpointsText(total)} on ${overlay.nodes.length} ${overlay.nodes.length === 1 ? 'node' : 'nodes'}`}
        </span>
        {others.length > 0 && (
          <span className="flex flex-wrap items-baseline gap-1 text-xs">
            <span className="text-slate-500">also on</span>
            {others.map((n) => (
              <NodeMark key={n.addr} node={n} to={null} />
            ))}
          </span>
        )}
      </div>
      <div className="grid gap-4" style={{ gridTemplateColumns: `repeat(${columns.length}, minmax(0, 1fr))` }}>
        {columns.map((engine) => {
          const node = overlay.nodes.find((n) => n.engine === engine);
          return node ? (
            <NodeMark key={engine} node={node} to={boardLink(engine, { kind: 'network', name: overlay.name })} />
          ) : (
            <span key={engine} className="text-xs text-slate-400">
              {overlay.nodes.length === 0 ? 'no endpoint on any node yet' : 'not on this engine'}
            </span>
          );
        })}
      </div>
    </div>
  );
}
