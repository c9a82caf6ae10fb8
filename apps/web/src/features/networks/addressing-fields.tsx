import { CheckField, Section } from './choice-controls';
import { LinesField, TextField } from './form-controls';
import { FIELD_IDS, type SectionProps } from './network-form';

/** The IPAM config: `--subnet`, `--gateway`, `--ip-range`, `--aux-address`, and IPv6. */
export function AddressingFields({ form, errors, set }: SectionProps) {
  return (
    <Section title="Addresses">
      <div className="grid grid-cols-2 gap-x-3 gap-y-2">
        <TextField
          id={FIELD_IDS.subnet}
          label="Subnet"
          value={form.subnet}
          onChange={(e) => set('subnet', e.target.value)}
          placeholder="e.g. 10.10.0.0/24"
          hint="Empty: Docker picks a free range"
          error={errors.subnet}
        />
        <TextField
          id={FIELD_IDS.gateway}
          label="Gateway"
          value={form.gateway}
          onChange={(e) => set('gateway', e.target.value)}
          placeholder="e.g. 10.10.0.1"
          hint={form.driver === 'bridge' ? "The bridge's own address in the subnet" : 'The router on the parent network'}
          error={errors.gateway}
        />
        <TextField
          id={FIELD_IDS.ipRange}
          label="IP range"
          value={form.ipRange}
          onChange={(e) => set('ipRange', e.target.value)}
          placeholder="e.g. 10.10.0.128/25"
          hint="Containers get addresses only from here"
          error={errors.ipRange}
        />
        <LinesField
          id={FIELD_IDS.auxAddresses}
          label="Aux addresses"
          value={form.auxAddresses}
          onChange={(v) => set('auxAddresses', v)}
          placeholder={'router=10.10.0.2\nprinter=10.10.0.3'}
          hint="host=address per line, never given to a container"
          error={errors.auxAddresses}
        />
        <div className="col-span-2">
          <CheckField id={FIELD_IDS.enableIPv6} label="Enable IPv6" checked={form.enableIPv6} onChange={(v) => set('enableIPv6', v)} />
        </div>
        {form.enableIPv6 && (
          <>
            <TextField
              id={FIELD_IDS.subnet6}
              label="IPv6 subnet"
              value={form.subnet6}
              onChange={(e) => set('subnet6', e.target.value)}
              placeholder="e.g. fd00:10::/64"
              error={errors.subnet6}
            />
            <TextField
              id={FIELD_IDS.gateway6}
              label="IPv6 gateway"
              value={form.gateway6}
              onChange={(e) => set('gateway6', e.target.value)}
              placeholder="e.g. fd00:10::1"
              error={errors.gateway6}
            />
          </>
        )}
      </div>
    </Section>
  );
}
