import { useCallback, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { findContainer, findNetwork, type Network } from '@bridgeboard/topology';
import { Board } from '../features/board/board';
import { useIntents } from '../features/board/use-intents';
import { EmptyState } from '../features/board/empty-state';
import { Legend } from '../features/board/legend';
import { NetworkRightsContext } from '../features/board/network-rights';
import { useBoardNetworkRights } from '../features/board/use-board-network-rights';
import { useNetworkPermission } from '../features/auth/network-permission-hook';
import { usePermissions } from '../features/auth/use-permissions';
import { useRoleHere } from '../features/auth/use-role-here';
import { Button } from '../components/ui/button';
import { ContainerPanel } from '../features/details/container-panel';
import { engineSearch, useEngineId } from '../features/engines/engine-selection';
import { NetworkPanel } from '../features/details/network-panel';
import { NewNetworkDialog } from '../features/networks/lazy-dialogs';
import { EditNetworkDialog } from '../features/network-edit/lazy-dialogs';
import { ReachLegend } from '../features/reachability/reach-legend';
import { ShowReachToggle } from '../features/reachability/show-reach-toggle';
import { useReachView } from '../features/reachability/use-reach-view';
import { useShowReach } from '../features/reachability/use-show-reach';
import { matchTopology } from '../features/search/match-topology';
import { useTheme } from '../features/theme/use-theme';
import { LinkBanner } from '../features/topology/link-banner';
import { useTopology } from '../features/topology/topology-query';
import { Header } from './header';
import { NotOnBoard } from './not-on-board';

/** The board, with `/networks/:name` or `/containers/:name` selecting (and revealing) one thing. */
export function BoardPage({ kind }: { kind: 'network' | 'container' | null }) {
  const { name } = useParams();
  const navigate = useNavigate();
  const { data: topology, isPending, error } = useTopology();
  const [theme] = useTheme();
  const role = useRoleHere();
  const can = usePermissions();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  // Here, not in the panel: the network leaves the board while it is re-made, and the panel with it.
  const [editing, setEditing] = useState<Network | null>(null);
  const { act, dialog } = useIntents(topology);
  const rights = useBoardNetworkRights(topology, can.connect);
  const permission = useNetworkPermission();
  // What the role cannot do is not offered at all (the server refuses it anyway).
  // Connect, disconnect and move: null for a user who may only look, everywhere on this engine.
  const change = can.connect || rights.partial ? act : null;

  const matches = useMemo(() => (topology ? matchTopology(topology, query) : null), [topology, query]);
  const network = topology && kind === 'network' && name ? findNetwork(topology, name) : undefined;
  const container = topology && kind === 'container' && name ? findContainer(topology, name) : undefined;
  const selectedId = network?.id ?? container?.id ?? null;
  // Asked for by address, and not on the board: said, rather than nothing shown (or a crash on `constructor`).
  const missing = topology && kind && name && !network && !container ? { kind, name } : null;
  const [showReach, setShowReach] = useShowReach();
  const reach = useReachView(topology, container?.id ?? null, showReach);
  const engine = useEngineId();
  // The address names the engine too: a copied link opens the same object on the same engine.
  const select = useCallback(
    (target: { kind: 'network' | 'container'; name: string } | null) =>
      void navigate(
        (target ? `/${target.kind === 'network' ? 'networks' : 'containers'}/${encodeURIComponent(target.name)}` : '/') +
          engineSearch(engine),
      ),
    [navigate, engine],
  );
  const isEmpty = topology && Object.values(topology.networks).every((n) => n.system) && Object.keys(topology.containers).length === 0;

  return (
    <div className="flex h-full flex-col">
      <Header>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder="Filter: network, container, label (key=value), compose project"
          aria-label="Filter the board"
          className="w-96 max-w-[32vw] rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
        />
        <ShowReachToggle on={showReach} onChange={setShowReach} />
        {(can.createNetwork || rights.partial) && (
          <Button tone="primary" onClick={() => setCreating(true)}>
            New network
          </Button>
        )}
      </Header>
      <LinkBanner />
      <main className="relative flex min-h-0 flex-1">
        <div className="relative min-w-0 flex-1">
          {isPending && (
            <div className="p-6 text-slate-500" role="status">
              Loading the engine's networks…
            </div>
          )}
          {error && (
            <div className="p-6 text-rose-600" role="alert">
              Could not load the topology: {error.message}
            </div>
          )}
          {topology && (
            <>
              <NetworkRightsContext.Provider value={rights}>
                <Board
                  topology={topology}
                  matches={matches}
                  selectedId={selectedId}
                  reach={reach}
                  colorMode={theme}
                  role={role}
                  onSelect={select}
                  onIntent={change}
                />
              </NetworkRightsContext.Provider>
              <Legend canConnect={change !== null} />
              {reach && <ReachLegend view={reach} onHide={() => setShowReach(false)} />}
              {isEmpty && <EmptyState engine={engine} />}
            </>
          )}
        </div>
        {topology && (network ?? container ?? missing) && (
          <aside className="w-[26rem] shrink-0 overflow-y-auto border-l border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
            <button
              type="button"
              className="float-right text-slate-500 hover:text-slate-900"
              aria-label="Close details"
              onClick={() => select(null)}
            >
              ✕
            </button>
            {missing && <NotOnBoard kind={missing.kind} name={missing.name} onBack={() => select(null)} />}
            {network && (
              <NetworkPanel
                topology={topology}
                network={network}
                onConnect={
                  change && !rights.refusal(network.id, 'connect')
                    ? (containerId) => change({ kind: 'connect', networkId: network.id, containerId, withOptions: false })
                    : null
                }
                onDisconnect={
                  change && !rights.refusal(network.id, 'disconnect')
                    ? (containerId) => change({ kind: 'disconnect', networkId: network.id, containerId })
                    : null
                }
                onRemove={
                  can.removeNetwork || permission('remove', network).allowed
                    ? () => act({ kind: 'remove-network', networkId: network.id })
                    : null
                }
                onEdit={setEditing}
                onSelectContainer={(n) => select({ kind: 'container', name: n })}
              />
            )}
            {container && (
              <ContainerPanel
                topology={topology}
                container={container}
                onConnect={
                  change && ((networkId, withOptions) => change({ kind: 'connect', networkId, containerId: container.id, withOptions }))
                }
                onDisconnect={change && ((networkId) => change({ kind: 'disconnect', networkId, containerId: container.id }))}
                onSelectNetwork={(n) => select({ kind: 'network', name: n })}
              />
            )}
          </aside>
        )}
      </main>
      {dialog}
      <NewNetworkDialog
        open={creating && can.createNetwork}
        onClose={() => setCreating(false)}
        onCreated={(n) => select({ kind: 'network', name: n.name })}
      />
      <EditNetworkDialog
        open={editing !== null}
        network={editing}
        onClose={() => setEditing(null)}
        onShow={(name) => select({ kind: 'network', name })}
      />
    </div>
  );
}
