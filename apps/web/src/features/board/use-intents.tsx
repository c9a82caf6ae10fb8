import { useCallback, useState } from 'react';
import { toast } from '../../lib/toast';
import { endpointsOfNetwork, own, type Topology } from '@bridgeboard/topology';
import { ConfirmDialog } from '../../components/ui/confirm-dialog';
import { ConnectDialog } from '../connections/connect-dialog';
import { useConnect } from '../connections/use-connect';
import { useDisconnect } from '../connections/use-disconnect';
import { useRemoveNetwork } from '../networks/use-remove-network';
import type { BoardIntent } from './board-intent';

export type Intent = BoardIntent | { kind: 'remove-network'; networkId: string };

/**
 * Turns what the user asked for (by drag, menu or keyboard) into requests: connects go at once,
 * anything that takes something away asks first, Alt-drops ask for aliases and an address.
 */
export function useIntents(topology: Topology | undefined) {
  // Only the stable functions: the mutation objects change on every render.
  const { mutate: connect, mutateAsync: connectAsync } = useConnect();
  const { mutate: disconnect, mutateAsync: disconnectAsync } = useDisconnect();
  const removeNetwork = useRemoveNetwork();
  const [asking, setAsking] = useState<Intent | null>(null);

  const act = useCallback(
    (intent: Intent) => {
      switch (intent.kind) {
        case 'refused':
          toast.error('Not possible here', { description: intent.reason });
          return;
        case 'connect':
          if (intent.withOptions) setAsking(intent);
          else connect({ network: intent.networkId, containerId: intent.containerId, container: intent.containerId });
          return;
        case 'move':
          // Awaited in order (per-call callbacks would be dropped by a newer mutate); errors are shown by the cache.
          void connectAsync({ network: intent.networkId, containerId: intent.containerId, container: intent.containerId })
            .then(() => disconnectAsync({ network: intent.fromNetworkId, container: intent.containerId }))
            .catch(() => undefined);
          return;
        default:
          setAsking(intent);
      }
    },
    [connect, connectAsync, disconnectAsync],
  );

  const close = () => setAsking(null);
  let dialog = null;
  const network = asking && 'networkId' in asking && topology ? own(topology.networks, asking.networkId) : undefined;
  const container = asking && 'containerId' in asking && topology ? own(topology.containers, asking.containerId) : undefined;
  if (asking?.kind === 'disconnect' && network && container) {
    dialog = (
      <ConfirmDialog
        open
        title="Disconnect?"
        confirmLabel="Disconnect"
        onCancel={close}
        onConfirm={() => {
          disconnect({ network: network.id, container: container.id });
          close();
        }}
      >
        Disconnect <b className="font-mono">{container.name}</b> from <b className="font-mono">{network.name}</b>? It loses its address
        there, and containers on that network can no longer reach it by name.
      </ConfirmDialog>
    );
  } else if (asking?.kind === 'connect' && network && container) {
    dialog = (
      <ConnectDialog
        network={network}
        container={container}
        onCancel={close}
        onSubmit={(options) => {
          connect({ network: network.id, containerId: container.id, container: container.id, ...options });
          close();
        }}
      />
    );
  } else if (asking?.kind === 'remove-network' && network && topology) {
    // The engine refuses only while endpoints are live; stopped containers merely lose the attachment.
    const names = endpointsOfNetwork(topology, network.id)
      .filter((e) => e.endpointId !== '')
      .map((e) => own(topology.containers, e.containerId)?.name ?? e.containerId);
    dialog = (
      <ConfirmDialog
        open
        title={`Remove ${network.name}?`}
        confirmLabel="Remove network"
        onCancel={close}
        onConfirm={() => {
          removeNetwork.mutate(network.id);
          close();
        }}
      >
        {names.length > 0 ? (
          <>
            <b className="font-mono">{network.name}</b> still has {names.length === 1 ? 'a container' : 'containers'} attached:{' '}
            <b className="font-mono">{names.join(', ')}</b>. The engine refuses to remove it until they are disconnected.
          </>
        ) : (
          <>
            Remove the network <b className="font-mono">{network.name}</b>? No container is attached.
          </>
        )}
      </ConfirmDialog>
    );
  }
  return { act, dialog };
}
