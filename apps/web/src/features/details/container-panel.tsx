import { useState } from 'react';
import { connectRefusal, endpointsOfContainer, isStackMode, own, type Container, type Topology } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { usePermissions } from '../auth/use-permissions';
import { onDefaultBridge } from '../migration/default-bridge-containers';
import { MigrationDialog } from '../migration/lazy-dialogs';
import { WireSection } from '../wire/wire-section';
import { DetailRow } from './detail-row';

export interface ContainerPanelProps {
  topology: Topology;
  container: Container;
  /** Null when the role may not connect containers (viewer): no connect or disconnect controls. */
  onConnect: ((networkId: string, withOptions: boolean) => void) | null;
  onDisconnect: ((networkId: string) => void) | null;
  onSelectNetwork: (name: string) => void;
}

function modeText(t: Topology, c: Container): string {
  const m = c.networkMode;
  switch (m.kind) {
    case 'bridge':
      return 'bridge (the default bridge)';
    case 'network':
      return `created on ${m.network}`;
    case 'host':
      return "host — uses the host's network stack directly";
    case 'none':
      return 'none — no network at all';
    case 'container':
      return `container:${own(t.containers, m.container)?.name ?? m.container} — shares its IP and ports`;
  }
}

/** Everything about one container, and the keyboard way to connect and disconnect it. */
export function ContainerPanel({ topology: t, container: c, onConnect, onDisconnect, onSelectNetwork }: ContainerPanelProps) {
  const endpoints = endpointsOfContainer(t, c.id);
  const targets = Object.values(t.networks)
    .map((n) => ({ n, refusal: connectRefusal(t, n, c) }))
    .filter(({ n }) => !endpoints.some((e) => e.networkId === n.id))
    .sort((a, b) => a.n.name.localeCompare(b.n.name));
  const allowed = targets.filter((x) => x.refusal === null);
  const [choice, setChoice] = useState('');
  const picked = allowed.find((x) => x.n.id === choice) ?? allowed[0];
  const [migrating, setMigrating] = useState(false);
  // Migrating connects and disconnects containers, so it needs what they need: operator and up.
  const canMigrate = usePermissions().connect && onDefaultBridge(t, c);
  return (
    <section aria-label={`Container ${c.name}`} data-panel="container" className="space-y-4">
      <header>
        <h2 className="font-mono text-xl font-bold">{c.name}</h2>
        <p className="text-sm text-slate-500">{c.image}</p>
      </header>
      <dl>
        <DetailRow label="id">{c.id.slice(0, 12)}</DetailRow>
        <DetailRow label="state">{c.state}</DetailRow>
        <DetailRow label="network mode">{modeText(t, c)}</DetailRow>
        {c.privileged && <DetailRow label="privileged">yes</DetailRow>}
        <DetailRow label="published">
          {c.ports.length ? c.ports.map((p) => `${p.hostIp}:${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ') : 'nothing'}
        </DetailRow>
        {c.links.length > 0 && <DetailRow label="--link">{c.links.map((l) => `${l.container} as ${l.alias}`).join(', ')}</DetailRow>}
        {c.composeProject && <DetailRow label="compose project">{c.composeProject}</DetailRow>}
        {Object.entries(c.labels).map(([k, v]) => (
          <DetailRow key={k} label={`label ${k}`}>
            {v}
          </DetailRow>
        ))}
      </dl>

      <div>
        <h3 className="mb-1 font-semibold">Networks ({endpoints.length})</h3>
        <ul className="space-y-2">
          {endpoints.map((e) => {
            const n = own(t.networks, e.networkId);
            if (!n) return null;
            return (
              <li key={e.networkId} className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700">
                <div className="flex items-center justify-between">
                  <button
                    type="button"
                    className="font-mono font-semibold underline-offset-2 hover:underline"
                    onClick={() => onSelectNetwork(n.name)}
                  >
                    {n.name}
                  </button>
                  {onDisconnect && !isStackMode(n) && (
                    <Button onClick={() => onDisconnect(n.id)} aria-label={`Disconnect ${c.name} from ${n.name}`}>
                      Disconnect from {n.name}
                    </Button>
                  )}
                </div>
                <dl className="mt-1">
                  <DetailRow label="IPv4">{e.ipv4 ? `${e.ipv4}/${e.ipv4PrefixLen ?? ''}` : '—'}</DetailRow>
                  {e.ipv6 && <DetailRow label="IPv6">{e.ipv6}</DetailRow>}
                  <DetailRow label="MAC">{e.mac ?? '—'}</DetailRow>
                  <DetailRow label="aliases">{e.aliases.join(', ') || '—'}</DetailRow>
                  <DetailRow label="DNS names">{e.dnsNames.join(', ') || 'none (default bridge: IP only)'}</DetailRow>
                </dl>
              </li>
            );
          })}
        </ul>
      </div>

      {canMigrate && (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-2 text-sm dark:border-amber-800 dark:bg-amber-950/40">
          <p className="mb-2">On the default bridge: other containers reach it by IP only, or by legacy --link.</p>
          <Button onClick={() => setMigrating(true)}>Move off the default bridge…</Button>
        </div>
      )}
      {/* Outside the condition: applying with "disconnect" takes the container off the default bridge mid-way. */}
      <MigrationDialog open={migrating} containers={[c.name]} onClose={() => setMigrating(false)} />

      <WireSection container={c.name} />

      {!onConnect ? null : picked ? (
        <div className="flex flex-wrap items-end gap-2">
          <label className="flex-1 text-sm">
            <span className="font-medium">Connect to…</span>
            <select
              value={picked.n.id}
              onChange={(e) => setChoice(e.target.value)}
              className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 dark:border-slate-600 dark:bg-slate-800"
            >
              {allowed.map(({ n }) => (
                <option key={n.id} value={n.id}>
                  {n.name}
                </option>
              ))}
            </select>
          </label>
          <Button tone="primary" onClick={() => onConnect(picked.n.id, false)}>
            Connect
          </Button>
          <Button onClick={() => onConnect(picked.n.id, true)}>With aliases or IP…</Button>
        </div>
      ) : (
        targets[0]?.refusal && <p className="text-sm text-slate-500">{targets[0].refusal}</p>
      )}
    </section>
  );
}
