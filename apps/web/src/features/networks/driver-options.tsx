import { CheckField, Section, SelectField } from './choice-controls';
import { TextField } from './form-controls';
import { FIELD_IDS, type NetworkForm, type SectionProps } from './network-form';

const MACVLAN_MODES: readonly { value: NetworkForm['macvlanMode']; label: string }[] = [
  { value: '', label: 'Default (bridge)' },
  { value: 'bridge', label: 'bridge' },
  { value: 'vepa', label: 'vepa' },
  { value: 'passthru', label: 'passthru' },
  { value: 'private', label: 'private' },
];
const IPVLAN_MODES: readonly { value: NetworkForm['ipvlanMode']; label: string }[] = [
  { value: '', label: 'Default (l2)' },
  { value: 'l2', label: 'l2' },
  { value: 'l3', label: 'l3' },
  { value: 'l3s', label: 'l3s' },
];
const IPVLAN_FLAGS: readonly { value: NetworkForm['ipvlanFlag']; label: string }[] = [
  { value: '', label: 'Default (bridge)' },
  { value: 'bridge', label: 'bridge' },
  { value: 'private', label: 'private' },
  { value: 'vepa', label: 'vepa' },
];

/** `-o` settings of a user-defined bridge: each network is its own configurable bridge. */
function BridgeOptions({ form, errors, set }: SectionProps) {
  return (
    <Section title="Bridge options">
      <div className="grid grid-cols-2 gap-x-3 gap-y-2">
        <TextField
          id={FIELD_IDS.mtu}
          label="MTU"
          type="number"
          inputMode="numeric"
          min={68}
          max={65535}
          value={form.mtu}
          onChange={(e) => set('mtu', e.target.value)}
          placeholder="1500"
          hint="Largest packet on this bridge and its veth pairs"
          error={errors.mtu}
        />
        <TextField
          id={FIELD_IDS.bridgeName}
          label="Bridge interface"
          value={form.bridgeName}
          onChange={(e) => set('bridgeName', e.target.value)}
          placeholder="br-…"
          hint="The host's Linux bridge device"
          error={errors.bridgeName}
        />
        <TextField
          id={FIELD_IDS.hostBindingIpv4}
          label="Host binding IPv4"
          value={form.hostBindingIpv4}
          onChange={(e) => set('hostBindingIpv4', e.target.value)}
          placeholder="0.0.0.0"
          hint="Host address published ports bind to"
          error={errors.hostBindingIpv4}
        />
        <div className="space-y-2 pt-1">
          <CheckField
            id={FIELD_IDS.icc}
            label="Inter-container traffic (ICC)"
            checked={form.icc}
            onChange={(v) => set('icc', v)}
            hint="Off: containers on this bridge cannot talk to each other"
          />
          <CheckField
            id={FIELD_IDS.ipMasquerade}
            label="IP masquerade"
            checked={form.ipMasquerade}
            onChange={(v) => set('ipMasquerade', v)}
            hint="Off: no NAT to the outside, so containers cannot get out through the host's address"
          />
        </div>
      </div>
    </Section>
  );
}

/** macvlan/ipvlan sit on a host interface instead of a bridge. */
function ParentOptions({ form, errors, set }: SectionProps) {
  const ipvlan = form.driver === 'ipvlan';
  return (
    <Section title={ipvlan ? 'IPvlan options' : 'Macvlan options'}>
      <div className={`grid gap-x-3 gap-y-2 ${ipvlan ? 'grid-cols-3' : 'grid-cols-2'}`}>
        <TextField
          id={FIELD_IDS.parent}
          label="Parent interface"
          value={form.parent}
          onChange={(e) => set('parent', e.target.value)}
          placeholder="e.g. eth0"
          hint="Host interface, e.g. eth0.10 for VLAN 10"
          error={errors.parent}
        />
        {ipvlan ? (
          <>
            <SelectField
              id={FIELD_IDS.ipvlanMode}
              label="IPvlan mode"
              value={form.ipvlanMode}
              options={IPVLAN_MODES}
              onChange={(v) => set('ipvlanMode', v)}
            />
            <SelectField
              id={FIELD_IDS.ipvlanFlag}
              label="IPvlan flag"
              value={form.ipvlanFlag}
              options={IPVLAN_FLAGS}
              onChange={(v) => set('ipvlanFlag', v)}
            />
          </>
        ) : (
          <SelectField
            id={FIELD_IDS.macvlanMode}
            label="Macvlan mode"
            value={form.macvlanMode}
            options={MACVLAN_MODES}
            onChange={(v) => set('macvlanMode', v)}
            hint="bridge: containers on the parent reach each other directly"
          />
        )}
      </div>
    </Section>
  );
}

/** Only the driver's own options are shown, so none of another driver's can be sent. */
export function DriverOptions(props: SectionProps) {
  return props.form.driver === 'bridge' ? <BridgeOptions {...props} /> : <ParentOptions {...props} />;
}
