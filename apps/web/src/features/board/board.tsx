import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  useNodesState,
  useReactFlow,
  type Edge,
  type FinalConnectionState,
  type HandleType,
  type Node,
  type OnReconnect,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type MouseEvent as ReactMouseEvent } from 'react';
import { connectRefusal, endpointsOfContainer, type Topology } from '@bridgeboard/topology';
import { usePendingLinks } from '../connections/use-pending-links';
import { boardElements, type BoardNode } from './board-elements';
import { BridgeNode } from './bridge-node';
import { ContainerNode } from './container-node';
import { BoardActionsContext, type BoardActions } from './board-actions';
import { ContainerMenu, type MenuState } from './container-menu';
import { DropTargetContext, type DropTarget } from './drop-target';
import { EndpointEdge } from './endpoint-edge';
import { useBoardLayout } from './use-board-layout';

const nodeTypes = { bridge: BridgeNode, container: ContainerNode };
const edgeTypes = { endpoint: EndpointEdge };

/** What the user asked for by dragging; the page confirms or sends it. */
export type BoardIntent =
  | { kind: 'connect'; networkId: string; containerId: string; withOptions: boolean }
  | { kind: 'move'; networkId: string; containerId: string; fromNetworkId: string }
  | { kind: 'disconnect'; networkId: string; containerId: string }
  | { kind: 'refused'; reason: string };

export interface BoardProps {
  topology: Topology;
  matches: Set<string> | null;
  selectedId: string | null;
  colorMode: 'light' | 'dark';
  onSelect: (node: { kind: 'network' | 'container'; name: string } | null) => void;
  onIntent: (intent: BoardIntent) => void;
}

/** The network a Shift-drop moves the container away from: the one it hangs under, else its only one. */
function moveSource(t: Topology, containerId: string, home: string | undefined, target: string): string | null {
  const attached = endpointsOfContainer(t, containerId)
    .filter((e) => e.networkId !== target)
    .map((e) => e.networkId);
  if (home && attached.includes(home)) return home;
  return attached.length === 1 ? (attached[0] ?? null) : null;
}

export function Board({ topology, matches, selectedId, colorMode, onSelect, onIntent }: BoardProps) {
  const layout = useBoardLayout(topology);
  const pending = usePendingLinks();
  const { getIntersectingNodes, fitView } = useReactFlow();
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const dragOrigin = useRef<{ x: number; y: number } | null>(null);

  const onRemove = useCallback(
    (networkId: string, containerId: string) => onIntent({ kind: 'disconnect', networkId, containerId }),
    [onIntent],
  );
  const computed = useMemo(
    () => boardElements({ topology, layout, pending, matches, selectedId, onRemove }),
    [topology, layout, pending, matches, selectedId, onRemove],
  );

  // React Flow owns positions (the user may drag chips aside) and measurements; the topology owns the rest.
  const [nodes, setNodes, onNodesChange] = useNodesState<BoardNode>([]);
  // The layout the current positions came from: a chip keeps its (maybe user-dragged) position
  // only while its slot stays the same.
  const placedBy = useRef(layout);
  useEffect(() => {
    const previousLayout = placedBy.current;
    placedBy.current = layout;
    setNodes((prev) => {
      const before = new Map(prev.map((n) => [n.id, n]));
      return computed.nodes.map((n) => {
        const old = before.get(n.id);
        const sameSlot = old && old.type === n.type && slotOf(old, previousLayout) === slotOf(n, layout);
        return old && sameSlot ? { ...old, data: n.data, selected: n.selected } : n;
      }) as BoardNode[];
    });
  }, [computed.nodes, layout, setNodes]);

  const bridgeUnder = useCallback(
    (node: Node) => getIntersectingNodes(node).find((n) => n.type === 'bridge')?.id ?? null,
    [getIntersectingNodes],
  );

  const onNodeDragStart = useCallback((_e: MouseEvent | TouchEvent, node: Node) => {
    dragOrigin.current = { ...node.position };
  }, []);

  const onNodeDrag = useCallback(
    (_e: MouseEvent | TouchEvent, node: Node) => {
      if (node.type !== 'container') return;
      const networkId = bridgeUnder(node);
      const network = networkId ? topology.networks[networkId] : undefined;
      const container = topology.containers[node.id];
      const next = network && container ? { networkId: network.id, refusal: connectRefusal(topology, network, container) } : null;
      setDropTarget((old) => (old?.networkId === next?.networkId && old?.refusal === next?.refusal ? old : next));
    },
    [bridgeUnder, topology],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: Node) => {
      setDropTarget(null);
      if (node.type !== 'container') return;
      const networkId = bridgeUnder(node);
      const network = networkId ? topology.networks[networkId] : undefined;
      const container = topology.containers[node.id];
      if (!network || !container) return; // dropped on open board: the chip just moves
      // A drop on a bridge is a command, not a move: the chip goes back to where it hung.
      const origin = dragOrigin.current;
      if (origin) setNodes((prev) => prev.map((n) => (n.id === node.id ? { ...n, position: origin } : n)));
      const refusal = connectRefusal(topology, network, container);
      if (refusal) {
        onIntent({ kind: 'refused', reason: refusal });
        return;
      }
      const from = event.shiftKey ? moveSource(topology, container.id, layout.slots[container.id]?.network, network.id) : null;
      if (from) onIntent({ kind: 'move', networkId: network.id, containerId: container.id, fromNetworkId: from });
      else onIntent({ kind: 'connect', networkId: network.id, containerId: container.id, withOptions: event.altKey });
    },
    [bridgeUnder, topology, layout, onIntent, setNodes],
  );

  // Pulling a link's bridge end: onto another bridge moves the container there; onto nothing disconnects.
  const reconnected = useRef(false);
  const onReconnectStart = useCallback(() => {
    reconnected.current = false;
  }, []);
  const onReconnect: OnReconnect = useCallback(
    (edge, connection) => {
      reconnected.current = true;
      const containerId = edge.source;
      const target = connection.target === containerId ? connection.source : connection.target;
      const network = topology.networks[target];
      const container = topology.containers[containerId];
      if (!network || !container || network.id === edge.target) return;
      const refusal = connectRefusal(topology, network, container);
      onIntent(
        refusal ? { kind: 'refused', reason: refusal } : { kind: 'move', networkId: network.id, containerId, fromNetworkId: edge.target },
      );
    },
    [topology, onIntent],
  );
  const onReconnectEnd = useCallback(
    (_e: MouseEvent | TouchEvent, edge: Edge, _h: HandleType, state: FinalConnectionState) => {
      if (reconnected.current || state.isValid) return;
      onIntent({ kind: 'disconnect', networkId: edge.target, containerId: edge.source });
    },
    [onIntent],
  );

  const onNodeClick = useCallback(
    (_e: ReactMouseEvent, node: Node) => {
      const name = node.type === 'bridge' ? topology.networks[node.id]?.name : topology.containers[node.id]?.name;
      if (name) onSelect({ kind: node.type === 'bridge' ? 'network' : 'container', name });
    },
    [topology, onSelect],
  );

  const [menu, setMenu] = useState<MenuState | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const actions = useMemo<BoardActions>(
    () => ({
      select: (kind, id) => {
        const name = kind === 'network' ? topology.networks[id]?.name : topology.containers[id]?.name;
        if (name) onSelect({ kind, name });
      },
      openMenu: (containerId, at) => setMenu({ containerId, ...at }),
    }),
    [topology, onSelect],
  );
  const onNodeContextMenu = useCallback((e: ReactMouseEvent, node: Node) => {
    if (node.type !== 'container') return;
    e.preventDefault();
    setMenu({ containerId: node.id, x: e.clientX, y: e.clientY });
  }, []);

  // Deep links: bring the selected thing into view once it is drawn.
  const focused = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedId || focused.current === selectedId || !nodes.some((n) => n.id === selectedId && n.measured)) return;
    focused.current = selectedId;
    void fitView({ nodes: [{ id: selectedId }], maxZoom: 1.2, duration: 300 });
  }, [selectedId, nodes, fitView]);

  return (
    <BoardActionsContext.Provider value={actions}>
      <DropTargetContext.Provider value={dropTarget}>
        <ReactFlow
          nodes={nodes}
          edges={computed.edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          onNodesChange={onNodesChange}
          onNodeDragStart={onNodeDragStart}
          onNodeDrag={onNodeDrag}
          onNodeDragStop={onNodeDragStop}
          onReconnectStart={onReconnectStart}
          onReconnect={onReconnect}
          onReconnectEnd={onReconnectEnd}
          onNodeClick={onNodeClick}
          onNodeContextMenu={onNodeContextMenu}
          onPaneClick={() => onSelect(null)}
          nodesConnectable={false}
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
      {menu && <ContainerMenu topology={topology} menu={menu} onIntent={onIntent} onClose={closeMenu} />}
    </BoardActionsContext.Provider>
  );
}

function slotOf(node: BoardNode, layout: ReturnType<typeof useBoardLayout>): string {
  if (node.type === 'bridge') return `c${layout.columns[node.id] ?? -1}`;
  const slot = layout.slots[node.id];
  return slot ? `${slot.network}:${slot.index}` : '';
}
