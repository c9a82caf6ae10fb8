import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Edge, type Node } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { EngineRole } from '@bridgeboard/contract';
import { own, type Topology } from '@bridgeboard/topology';
import { usePendingLinks } from '../connections/use-pending-links';
import type { ReachView } from '../reachability/reach-from';
import type { BoardNode } from './board-elements';
import type { BoardIntent } from './board-intent';
import { kindOf } from './bridge-kind';
import { BridgeNode } from './bridge-node';
import { ContainerMenu, type MenuState } from './container-menu';
import { ContainerNode } from './container-node';
import { DropTargetContext } from './drop-target';
import { EndpointEdge } from './endpoint-edge';
import { FOCUS_ZOOM, sizeOf, useFirstView } from './first-view';
import { MemberEdge } from './member-edge';
import { memberKeyOf } from './member-elements';
import { MemberNode } from './member-node';
import { nearElements, useNearRange } from './near-elements';
import { useBoardGestures } from './use-board-gestures';
import { useBoardLayout } from './use-board-layout';
import { useBoardElements } from './use-board-elements';
import { useBoardNodes } from './use-board-nodes';
import { MIN_ZOOM, SMALL_BOARD_CHIPS, SummaryScale, useZoomBand, ZoomBandContext } from './zoom-band';

const nodeTypes = { bridge: BridgeNode, container: ContainerNode, member: MemberNode };
const edgeTypes = { endpoint: EndpointEdge, member: MemberEdge };
const NO_EDGES: Edge[] = [];
const NOTHING = { nodes: [] as BoardNode[], edges: NO_EDGES };

/**
 * The minimap: bridges in their kind's colour, so the grid's shape and its kinds read at a glance;
 * chips faint and unstroked, as there may be thousands. Module-level, so the minimap's memoised
 * nodes keep the same functions from one render to the next.
 */
function mapColor(node: Node): string {
  const n = node as BoardNode;
  if (n.type === 'bridge') return kindOf(n.data.network, n.data.swarm).map;
  return n.type === 'member' ? '#ddd6fe' : '#cbd5e1';
}
const mapStroke = (node: Node): string => (node.type === 'bridge' ? mapColor(node) : 'transparent');

/** What a click or Enter on a board node opens: a bridge or chip itself; another node's member, the overlay it is on. */
function selectionOf(t: Topology, id: string): { kind: 'network' | 'container'; name: string } | null {
  const memberKey = memberKeyOf(id);
  const network = own(t.networks, memberKey === null ? id : (own(t.members, memberKey)?.networkId ?? ''));
  if (network) return { kind: 'network', name: network.name };
  const container = own(t.containers, id);
  return container ? { kind: 'container', name: container.name } : null;
}

export interface BoardProps {
  topology: Topology;
  matches: Set<string> | null;
  selectedId: string | null;
  /** The "reach from" view of the selected container, or null. */
  reach: ReachView | null;
  colorMode: 'light' | 'dark';
  /** Shown on the board's root (`data-role`), so tests can tell which board they look at. */
  role: EngineRole;
  onSelect: (node: { kind: 'network' | 'container'; name: string } | null) => void;
  /** Null when the role may only look: no drags, no link pulls, no × on links, no menus. */
  onIntent: ((intent: BoardIntent) => void) | null;
}

const ignore = () => undefined;

export function Board({ topology, matches, selectedId, reach, colorMode, role, onSelect, onIntent }: BoardProps) {
  const canConnect = onIntent !== null;
  const intent = onIntent ?? ignore;
  const layout = useBoardLayout(topology);
  const pending = usePendingLinks();
  const { setCenter } = useReactFlow();

  const onRemove = useCallback(
    (networkId: string, containerId: string) => intent({ kind: 'disconnect', networkId, containerId }),
    [intent],
  );
  // One element cache per board: a patch rebuilds only the nodes and edges it touched.
  const computed = useBoardElements({ topology, layout, pending, matches, selectedId, reach, canConnect, onRemove });

  const { nodes, setNodes, onNodesChange } = useBoardNodes(computed.nodes, layout);
  const { dropTarget, handlers } = useBoardGestures(topology, layout, setNodes, intent);

  // Deep links: the selected thing is brought into view once it is on the board; the first view
  // already stands on it when it was there from the start.
  const focused = useRef<string | null>(null);
  const chips = computed.nodes.length - Object.keys(topology.networks).length;
  const placed = useFirstView(computed.nodes, selectedId, chips <= SMALL_BOARD_CHIPS, focused);

  // Far out, only the bridges (as summaries) are handed to React Flow: thousands of chips and
  // links then cost nothing per frame, neither drawn nor tested for visibility. Near, the chips and
  // links around the screen (near-elements.ts). The one subscription to the zoom is here; it
  // answers only when the band flips.
  const band = useZoomBand(chips);
  const range = useNearRange(layout, band);
  const shown = useMemo(() => {
    if (!placed) return NOTHING;
    if (band === 'far') return { nodes: nodes.filter((n) => n.type === 'bridge'), edges: NO_EDGES };
    return range ? nearElements(nodes, computed.edges, layout, range) : { nodes, edges: computed.edges };
  }, [placed, band, range, nodes, computed.edges, layout]);

  const onNodeClick = useCallback(
    (_e: ReactMouseEvent, node: Node) => {
      const target = selectionOf(topology, node.id);
      if (target) onSelect(target);
    },
    [topology, onSelect],
  );

  const [menu, setMenu] = useState<MenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  // Keyboard equivalents of a click and a right-click, on the focused node (React Flow's wrapper
  // holds the focus, so this listens on the board rather than inside the node).
  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const wrapper = (e.target as HTMLElement).closest<HTMLElement>('.react-flow__node');
      const id = wrapper?.dataset.id;
      if (!wrapper || !id) return;
      const container = own(topology.containers, id);
      const target = selectionOf(topology, id);
      if (e.key === 'Enter' && target) onSelect(target);
      if (canConnect && container && (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10'))) {
        e.preventDefault();
        const r = wrapper.getBoundingClientRect();
        setMenu({ containerId: id, x: r.left, y: r.bottom });
      }
    },
    [topology, onSelect, canConnect],
  );
  const onNodeContextMenu = useCallback(
    (e: ReactMouseEvent, node: Node) => {
      if (node.type !== 'container' || !canConnect) return;
      e.preventDefault();
      setMenu({ containerId: node.id, x: e.clientX, y: e.clientY });
    },
    [canConnect],
  );

  // Centred from our own node state and the geometry rather than React Flow's fitView, which
  // knows only the nodes it is handed (and those measured): a chip is not handed to it while it
  // is far from the screen, and zooming in on it brings it back.
  useEffect(() => {
    const node = placed && selectedId && focused.current !== selectedId ? nodes.find((n) => n.id === selectedId) : undefined;
    if (!node) return;
    focused.current = node.id;
    const { width, height } = sizeOf(node, 'near');
    void setCenter(node.position.x + width / 2, node.position.y + height / 2, { zoom: FOCUS_ZOOM, duration: 300 });
  }, [placed, selectedId, nodes, setCenter]);

  return (
    <>
      <DropTargetContext.Provider value={dropTarget}>
        <ZoomBandContext.Provider value={band}>
          <ReactFlow
            nodes={shown.nodes}
            edges={shown.edges}
            nodeTypes={nodeTypes}
            edgeTypes={edgeTypes}
            data-role={role}
            onNodesChange={onNodesChange}
            {...(canConnect ? handlers : {})}
            onNodeClick={onNodeClick}
            onNodeContextMenu={onNodeContextMenu}
            onKeyDown={onKeyDown}
            onPaneClick={() => onSelect(null)}
            nodesConnectable={false}
            nodesDraggable={canConnect}
            edgesReconnectable={canConnect}
            colorMode={colorMode}
            minZoom={MIN_ZOOM}
            maxZoom={2}
            onlyRenderVisibleElements
            proOptions={{ hideAttribution: true }}
            onError={(code, message) => console.warn(`react-flow ${code}: ${message}`)}
          >
            {/* Far out the dot grid would be a pattern of 1-px tiles redrawn on every frame of a pan. */}
            {band === 'near' && <Background gap={24} />}
            <SummaryScale />
            <Controls showInteractive={false} />
            <MiniMap
              pannable
              zoomable
              nodeColor={mapColor}
              nodeStrokeColor={mapStroke}
              nodeStrokeWidth={3}
              nodeBorderRadius={2}
              className="!hidden md:!block"
            />
          </ReactFlow>
        </ZoomBandContext.Provider>
      </DropTargetContext.Provider>
      {menu && onIntent && <ContainerMenu topology={topology} menu={menu} onIntent={onIntent} onClose={closeMenu} />}
    </>
  );
}
