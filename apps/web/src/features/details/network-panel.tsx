import { useMemo, useState } from 'react';
import { isDefaultBridge, isStackMode, isSwarmScoped, own, swarmRole, type Network, type Topology } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { ExportDialog } from '../export/lazy-dialogs';
import { EditNetworkButton } from '../network-edit/edit-network-button';
import { DetailRow } from './detail-row';
import { optionLabel } from '../networks/option-label';
import { OverlaySection } from './overlay-section';
import { attachedTo, connectCandidates } from './panel-lists';

/** What a network is for, in one sentence: the swarm's own by their part in it. */
function purpose(n: Network): string {
  switch (swarmRole(n)) {
    case 'ingress':
      return "The swarm's routing mesh: a service's port published in ingress mode is answered on every node and forwarded to a task over this network.";
    case 'gateway':
      return 'The swarm gateway bridge: swarm makes it on every node, so that overlay containers reach outside, and the ports a node publishes reach them.';
    case 'overlay':
      return 'An overlay: one network across the swarm nodes; containers on it reach each other by name, and services by name and VIP.';
    default:
      break;
  }
  if (isDefaultBridge(n)) return 'The default bridge: containers reach each other by IP only (or legacy --link).';
  return n.driver === 'bridge' ? 'A user-defined bridge: containers reach each other by name and alias.' : `${n.driver} network`;
}

export interface NetworkPanelProps {
  topology: Topology;
  network: Network;
  /** Null when the role may not connect containers (viewer): no connect or disconnect controls. */
  onConnect: ((containerId: string) => void) | null;
  onDisconnect: ((containerId: string) => void) | null;
  /** Null when the role may not remove networks (below admin). */
  onRemove: (() => void) | null;
  /**
   * Opens the edit dialog, which the page hosts (the panel goes while the network is re-made).
   * Shown to every role, greyed with the reason where it cannot be used; absent, no Edit at all.
   */
  onEdit?: (network: Network) => void;
  onSelectContainer: (name: string) => void;
}

/** Everything about one network, and the keyboard way to connect containers to it. */
export function NetworkPanel({ topology: t, network: n, onConnect, onDisconnect, onRemove, onEdit, onSelectContainer }: NetworkPanelProps) {
  // Kept from one patch to the next: a patch elsewhere on the engine costs this panel next to nothing (issue 13).
  const attached = useMemo(() => attachedTo(t, n.id), [t, n.id]);
  const candidates = useMemo(() => connectCandidates(t, n), [t, n]);
  const [choice, setChoice] = useState('');
  const picked = candidates.find((c) => c.id === choice) ?? candidates[0];
  const [exporting, setExporting] = useState(false);
  // The default bridge and host/none are never created by a command: there is nothing to export.
  const exportable = !n.system && !isDefaultBridge(n) && !isStackMode(n);
  return (
    <section aria-label={`Network ${n.name}`} data-panel="network" className="space-y-4">
      <header>
        <h2 className="font-mono text-xl font-bold">{n.name}</h2>
        <p className="text-sm text-slate-500">{purpose(n)}</p>
      </header>
      <dl>
        <DetailRow label="id">{n.id.slice(0, 12)}</DetailRow>
        <DetailRow label="driver">{n.driver}</DetailRow>
        <DetailRow label="scope">{n.scope}</DetailRow>
        <DetailRow label="host interface">{n.hostInterface ?? '—'}</DetailRow>
        <DetailRow label="internal">{n.internal ? 'yes — no route out' : 'no'}</DetailRow>
        <DetailRow label="attachable">{n.attachable ? 'yes' : 'no'}</DetailRow>
        <DetailRow label="IPv6">{n.enableIPv6 ? 'enabled' : 'off'}</DetailRow>
        <DetailRow label="IPAM driver">{n.ipam.driver}</DetailRow>
        {n.ipam.config.map((c) => (
          <DetailRow key={c.subnet} label="subnet">
            {c.subnet}
            {c.gateway && ` · gateway ${c.gateway}`}
            {c.ipRange && ` · range ${c.ipRange}`}
            {Object.entries(c.auxAddresses).map(([k, v]) => ` · ${k}=${v}`)}
          </DetailRow>
        ))}
        {Object.entries(n.options).map(([k, v]) => (
          <DetailRow key={k} label={optionLabel(k)}>
            {v}
          </DetailRow>
        ))}
        {Object.entries(n.labels).map(([k, v]) => (
          <DetailRow key={k} label={`label ${k}`}>
            {v}
          </DetailRow>
        ))}
        <DetailRow label="created">{n.created ? new Date(n.created).toLocaleString() : '—'}</DetailRow>
      </dl>

      <div>
        <h3 className="mb-1 font-semibold">
          {isSwarmScoped(n) ? 'Containers on this engine' : 'Containers'} ({attached.length})
        </h3>
        <ul className="space-y-1">
          {attached.map((e) => {
            const c = own(t.containers, e.containerId);
            if (!c) return null;
            return (
              <li key={e.containerId} className="flex items-center justify-between gap-2 text-sm">
                <button type="button" className="font-mono underline-offset-2 hover:underline" onClick={() => onSelectContainer(c.name)}>
                  {c.name}
                </button>
                <span className="font-mono text-xs text-slate-500">{e.ipv4 ?? (e.endpointId ? '' : 'not running')}</span>
                {onDisconnect && !isStackMode(n) && (
                  <Button onClick={() => onDisconnect(c.id)} aria-label={`Disconnect ${c.name} from ${n.name}`}>
                    Disconnect
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </div>

      {isSwarmScoped(n) && <OverlaySection topology={t} network={n} />}

      {onConnect && candidates.length > 0 && picked && (
        <div className="flex items-end gap-2">
          {/* min-w-0: else the row's layout measures every option's text, on every patch that adds or drops one (14 ms at 2,000, issue 13). */}
          <label className="min-w-0 flex-1 text-sm">
            <span className="font-medium">Connect a container…</span>
            <select
              value={picked.id}
              onChange={(e) => setChoice(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            >
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>
          <Button tone="primary" onClick={() => onConnect(picked.id)}>
            Connect
          </Button>
        </div>
      )}

      <div className="flex flex-wrap gap-2">
        {onEdit && <EditNetworkButton network={n} onEdit={onEdit} />}
        {exportable && <Button onClick={() => setExporting(true)}>Export…</Button>}
        {onRemove && !n.system && (
          <Button tone="danger" onClick={onRemove}>
            Remove network…
          </Button>
        )}
      </div>
      {exportable && (
        <ExportDialog open={exporting} title={`Export ${n.name}`} selection={{ networks: [n.name] }} onClose={() => setExporting(false)} />
      )}
    </section>
  );
}
