import { useState } from 'react';
import { checkConnect } from '@bridgeboard/contract';
import { isDefaultBridge, type Container, type Network } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';

export interface ConnectOptions {
  aliases: string[];
  ipv4Address?: string;
  ipv6Address?: string;
}

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
  // The server's own rules (contract), so what this dialog lets through is what the API accepts.
  const problems = checkConnect(
    { container: container.id, aliases: aliasList, ...(ipv4 && { ipv4Address: ipv4 }), ...(ipv6 && { ipv6Address: ipv6 }) },
    subnets,
  );
  const errorOf = (field: string) => problems.find((p) => p.field === field || p.field.startsWith(`${field}.`))?.message;
  const staticRefused = isDefaultBridge(network) && (ipv4 || ipv6) ? 'static addresses work only on user-defined networks' : undefined;
  const aliasError = errorOf('aliases') && 'aliases: letters, digits, . _ - (not first), at most 16, each once';
  const ipv4Error = staticRefused ?? errorOf('ipv4Address');
  const ipv6Error = errorOf('ipv6Address');
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
          error={aliasError}
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
