import { useReactFlow, type Edge, type FinalConnectionState, type HandleType, type Node, type OnReconnect } from '@xyflow/react';
import { useCallback, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { connectRefusal, endpointsOfContainer, own, type Container, type Network, type Topology } from '@bridgeboard/topology';
import type { BoardNode } from './board-elements';
import type { BoardIntent } from './board-intent';
import type { DropTarget } from './drop-target';
import { useNetworkRights } from './network-rights';
import type { BoardLayout } from './layout';

/** The network a Shift-drop moves the container away from: the one it hangs under, else its only one. */
function moveSource(t: Topology, containerId: string, home: string | undefined, target: string): string | null {
  const attached = endpointsOfContainer(t, containerId)
    .filter((e) => e.networkId !== target)
    .map((e) => e.networkId);
  if (home && attached.includes(home)) return home;
  return attached.length === 1 ? (attached[0] ?? null) : null;
}

/**
 * Drag-and-drop on the board, as intents: a chip dropped on a bridge connects (Shift moves, Alt
 * asks for options), refused drops are marked while hovering; a link's bridge end pulled onto
 * another bridge moves the container, pulled onto nothing disconnects it.
 */
export function useBoardGestures(
  topology: Topology,
  layout: BoardLayout,
  setNodes: Dispatch<SetStateAction<BoardNode[]>>,
  onIntent: (intent: BoardIntent) => void,
) {
  const { getIntersectingNodes } = useReactFlow();
  const rights = useNetworkRights();
  // What the engine would refuse (already there, a mode that takes no network), else what the user's rights would.
  const joinRefusal = useCallback(
    (network: Network, container: Container) => connectRefusal(topology, network, container) ?? rights.refusal(network.id, 'connect'),
    [topology, rights],
  );
  const [dropTarget, setDropTarget] = useState<DropTarget | null>(null);
  const dragOrigin = useRef<{ x: number; y: number } | null>(null);
  const reconnected = useRef(false);

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
      const network = networkId ? own(topology.networks, networkId) : undefined;
      const container = own(topology.containers, node.id);
      const next = network && container ? { networkId: network.id, refusal: joinRefusal(network, container) } : null;
      setDropTarget((old) => (old?.networkId === next?.networkId && old?.refusal === next?.refusal ? old : next));
    },
    [bridgeUnder, topology, joinRefusal],
  );

  const onNodeDragStop = useCallback(
    (event: MouseEvent | TouchEvent, node: Node) => {
      setDropTarget(null);
      if (node.type !== 'container') return;
      const networkId = bridgeUnder(node);
      const network = networkId ? own(topology.networks, networkId) : undefined;
      const container = own(topology.containers, node.id);
      if (!network || !container) return; // dropped on open board: the chip just moves
      // A drop on a bridge is a command, not a move: the chip goes back to where it hung.
      const origin = dragOrigin.current;
      if (origin) setNodes((prev) => prev.map((n) => (n.id === node.id ? { ...n, position: origin } : n)));
      const from = event.shiftKey ? moveSource(topology, container.id, own(layout.slots, container.id)?.network, network.id) : null;
      const refusal = joinRefusal(network, container) ?? (from ? rights.refusal(from, 'disconnect') : null);
      if (refusal) {
        onIntent({ kind: 'refused', reason: refusal });
        return;
      }
      if (from) onIntent({ kind: 'move', networkId: network.id, containerId: container.id, fromNetworkId: from });
      else onIntent({ kind: 'connect', networkId: network.id, containerId: container.id, withOptions: event.altKey });
    },
    [bridgeUnder, topology, layout, onIntent, setNodes, joinRefusal, rights],
  );

  const onReconnectStart = useCallback(() => {
    reconnected.current = false;
  }, []);
  const onReconnect: OnReconnect = useCallback(
    (edge, connection) => {
      reconnected.current = true;
      const containerId = edge.source;
      const target = connection.target === containerId ? connection.source : connection.target;
      const network = own(topology.networks, target);
      const container = own(topology.containers, containerId);
      if (!network || !container || network.id === edge.target) return;
      const refusal = joinRefusal(network, container) ?? rights.refusal(edge.target, 'disconnect');
      onIntent(
        refusal ? { kind: 'refused', reason: refusal } : { kind: 'move', networkId: network.id, containerId, fromNetworkId: edge.target },
      );
    },
    [topology, onIntent, joinRefusal, rights],
  );
  const onReconnectEnd = useCallback(
    (_e: MouseEvent | TouchEvent, edge: Edge, _h: HandleType, state: FinalConnectionState) => {
      if (reconnected.current || state.isValid) return;
      const refusal = rights.refusal(edge.target, 'disconnect');
      onIntent(refusal ? { kind: 'refused', reason: refusal } : { kind: 'disconnect', networkId: edge.target, containerId: edge.source });
    },
    [onIntent, rights],
  );

  return { dropTarget, handlers: { onNodeDragStart, onNodeDrag, onNodeDragStop, onReconnectStart, onReconnect, onReconnectEnd } };
}
