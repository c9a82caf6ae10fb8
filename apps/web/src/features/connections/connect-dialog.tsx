import { useState } from 'react';
import { validateStaticAddress } from '@bridgeboard/contract';
import { isDefaultBridge, type Container, type Network } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';

export interface ConnectOptions {
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

const ALIAS = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

/** Aliases and a static address for one connect, checked against the network's subnets before sending. */
export function ConnectDialog({
  network,
  container,
  onSubmit,
  onCancel,
}: {
  network: Network;
  container: Container;
  onSubmit: (o: ConnectOptions) => void;
  onCancel: () => void;
}) {
  const [aliases, setAliases] = useState('');
  const [ipv4, setIpv4] = useState('');
  const [ipv6, setIpv6] = useState('');
  const subnets = network.ipam.config.map((c) => c.subnet);
  const aliasList = aliases.split(/[\s,]+/).filter(Boolean);
  const aliasError = aliasList.find((a) => !ALIAS.test(a));
  const staticRefused = isDefaultBridge(network) && (ipv4 || ipv6) ? 'static addresses work only on user-defined networks' : undefined;
  const ipv4Error = staticRefused ?? (ipv4 ? validateStaticAddress('ipv4Address', ipv4, subnets)?.message : undefined);
  const ipv6Error = ipv6 ? validateStaticAddress('ipv6Address', ipv6, subnets)?.message : undefined;
  const invalid = Boolean(aliasError ?? ipv4Error ?? ipv6Error);
  return (
    <Dialog open title={`Connect ${container.name} to ${network.name}`} onClose={onCancel}>
      <form
        className="space-y-3"
        onSubmit={(e) => {
          e.preventDefault();
          if (invalid) return;
          onSubmit({ aliases: aliasList, ...(ipv4 && { ipv4Address: ipv4 }), ...(ipv6 && { ipv6Address: ipv6 }) });
        }}
      >
        <Field
          id="connect-aliases"
          label="Aliases"
          value={aliases}
          onChange={(e) => setAliases(e.target.value)}
          placeholder="api, backend"
          hint="Other names this container answers to on this network"
          error={aliasError && `'${aliasError}' is not a valid alias`}
        />
        <Field
          id="connect-ipv4"
          label="Static IPv4"
          value={ipv4}
          onChange={(e) => setIpv4(e.target.value)}
          placeholder={subnets.find((s) => !s.includes(':')) ?? ''}
          error={ipv4Error}
        />
        {network.enableIPv6 && (
          <Field id="connect-ipv6" label="Static IPv6" value={ipv6} onChange={(e) => setIpv6(e.target.value)} error={ipv6Error} />
        )}
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onCancel}>Cancel</Button>
          <Button tone="primary" type="submit" disabled={invalid}>
            Connect
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
