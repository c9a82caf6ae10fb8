import { Background, Controls, MiniMap, ReactFlow, useReactFlow, type Node } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import type { EngineRole } from '@bridgeboard/contract';
import { own, type Topology } from '@bridgeboard/topology';
import { usePendingLinks } from '../connections/use-pending-links';
import type { ReachView } from '../reachability/reach-from';
import { boardElements } from './board-elements';
import type { BoardIntent } from './board-intent';
import { BridgeNode } from './bridge-node';
import { ContainerMenu, type MenuState } from './container-menu';
import { ContainerNode } from './container-node';
import { DropTargetContext } from './drop-target';
import { EndpointEdge } from './endpoint-edge';
import { MemberEdge } from './member-edge';
import { memberKeyOf } from './member-elements';
import { MemberNode } from './member-node';
import { useBoardGestures } from './use-board-gestures';
import { useBoardLayout } from './use-board-layout';
import { useBoardNodes } from './use-board-nodes';

const nodeTypes = { bridge: BridgeNode, container: ContainerNode, member: MemberNode };
const edgeTypes = { endpoint: EndpointEdge, member: MemberEdge };

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
  const { fitView } = useReactFlow();

  const onRemove = useCallback(
    (networkId: string, containerId: string) => intent({ kind: 'disconnect', networkId, containerId }),
    [intent],
  );
  const computed = useMemo(
    () => boardElements({ topology, layout, pending, matches, selectedId, reach, canConnect, onRemove }),
    [topology, layout, pending, matches, selectedId, reach, canConnect, onRemove],
  );

  const { nodes, setNodes, onNodesChange } = useBoardNodes(computed.nodes, layout);
  const { dropTarget, handlers } = useBoardGestures(topology, layout, setNodes, intent);

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

  // Deep links: bring the selected thing into view once it is drawn.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || focused.current === selectedId || !nodes.some((n) => n.id === selectedId && n.measured)) return;
    focused.current = selectedId;
    void fitView({ nodes: [{ id: selectedId }], maxZoom: 1.2, duration: 300 });
  }, [selectedId, nodes, fitView]);

  return (
    <>
      <DropTargetContext.Provider value={dropTarget}>
        <ReactFlow
          nodes={nodes}
          edges={computed.edges}
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
          minZoom={0.05}
          maxZoom={2}
          fitView
          fitViewOptions={{ maxZoom: 1, padding: 0.1 }}
          onlyRenderVisibleElements
          proOptions={{ hideAttribution: true }}
          onError={(code, message) => console.warn(`react-flow ${code}: ${message}`)}
        >
          <Background gap={24} />
          <Controls showInteractive={false} />
          <MiniMap pannable zoomable nodeStrokeWidth={3} className="!hidden md:!block" />
        </ReactFlow>
      </DropTargetContext.Provider>
      {menu && onIntent && <ContainerMenu topology={topology} menu={menu} onIntent={onIntent} onClose={closeMenu} />}
    </>
  );
}
