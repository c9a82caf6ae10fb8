import type { WireLink } from '@bridgeboard/contract';
import { DetailRow } from '../details/detail-row';
import { useContainerWire } from './use-container-wire';

function LinkWire({ link }: { link: WireLink }) {
  return (
    <li
      data-wire={link.network}
      data-host-interface={link.hostInterface ?? undefined}
      data-bridge={link.bridge ?? undefined}
      className="rounded border border-slate-200 p-2 text-sm dark:border-slate-700"
    >
      <p className="font-mono font-semibold">{link.network}</p>
      <dl className="mt-1">
        <DetailRow label="veth pair">
          {link.containerInterface} ↔ {link.hostInterface ?? `ifindex ${link.peerIfindex} (not found on the host)`}
        </DetailRow>
        <DetailRow label="host ifindex">{link.peerIfindex}</DetailRow>
        <DetailRow label="bridge">{link.bridge ?? '— (not plugged into a bridge)'}</DetailRow>
        <DetailRow label="MTU">{link.mtu ?? '—'}</DetailRow>
        <DetailRow label="MAC">{link.mac}</DetailRow>
      </dl>
    </li>
  );
}

/**
 * The article's point 2 made visible: each link is a veth pair, `eth0` inside the container and
 * `veth…` on the host, plugged into the network's bridge. When the server cannot see the host's
 * interfaces it says why, so the section is never silently empty.
 */
export function WireSection({ container }: { container: string }) {
  const wire = useContainerWire(container);
  return (
    <section aria-label="The wire under the bridge" data-section="wire">
      <h3 className="mb-1 font-semibold">The wire under the bridge</h3>
      {wire.notRunning && (
        <p data-wire-reason className="text-sm text-slate-600 dark:text-slate-300">
          {wire.notRunning}
        </p>
      )}
      {!wire.notRunning && wire.isPending && <p className="text-sm text-slate-500">Reading the host's interfaces…</p>}
      {wire.error && (
        <p role="alert" className="text-sm text-rose-600">
          Could not read the wire: {wire.error.message}
        </p>
      )}
      {!wire.notRunning && wire.data && !wire.data.available && (
        <p data-wire-reason className="text-sm text-slate-600 dark:text-slate-300">
          {wire.data.reason ?? 'The host’s interfaces cannot be seen from here.'}
        </p>
      )}
      {!wire.notRunning && wire.data?.available && wire.data.links.length === 0 && (
        <p className="text-sm text-slate-500">No veth pair: the container has no bridge link.</p>
      )}
      {!wire.notRunning && wire.data?.available && wire.data.links.length > 0 && (
        <ul className="space-y-2">
          {wire.data.links.map((l) => (
            <LinkWire key={`${l.network}/${l.containerInterface}`} link={l} />
          ))}
        </ul>
      )}
    </section>
  );
}
