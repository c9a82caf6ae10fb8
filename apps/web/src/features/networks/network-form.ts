import type { NetworkCreateBody, NetworkDriver } from '@bridgeboard/contract';

type Options = NonNullable<NetworkCreateBody['options']>;

/** What the "New network" form holds: text as typed, `''` meaning "not set, let the engine decide". */
export interface NetworkForm {
  name: string;
  driver: NetworkDriver;
  subnet: string;
  gateway: string;
  ipRange: string;
  /** `host=address` lines. */
  auxAddresses: string;
  enableIPv6: boolean;
  subnet6: string;
  gateway6: string;
  internal: boolean;
  attachable: boolean;
  /** `key=value` lines. */
  labels: string;
  mtu: string;
  bridgeName: string;
  icc: boolean;
  ipMasquerade: boolean;
  hostBindingIpv4: string;
  parent: string;
  macvlanMode: NonNullable<Options['macvlanMode']> | '';
  ipvlanMode: NonNullable<Options['ipvlanMode']> | '';
  ipvlanFlag: NonNullable<Options['ipvlanFlag']> | '';
}

/** The engine's defaults: ICC and masquerade on, everything else unset. */
export const EMPTY_FORM: NetworkForm = {
  name: '',
  driver: 'bridge',
  subnet: '',
  gateway: '',
  ipRange: '',
  auxAddresses: '',
  enableIPv6: false,
  subnet6: '',
  gateway6: '',
  internal: false,
  attachable: false,
  labels: '',
  mtu: '',
  bridgeName: '',
  icc: true,
  ipMasquerade: true,
  hostBindingIpv4: '',
  parent: '',
  macvlanMode: '',
  ipvlanMode: '',
  ipvlanFlag: '',
};

/** A form field, or `form` for a problem that belongs to no field. */
export type FieldKey = keyof NetworkForm | 'form';

/** The DOM id of each field's control, so an error can focus it. */
export const FIELD_IDS: Record<FieldKey, string> = {
  name: 'network-name',
  driver: 'network-driver',
  subnet: 'network-subnet',
  gateway: 'network-gateway',
  ipRange: 'network-ip-range',
  auxAddresses: 'network-aux-addresses',
  enableIPv6: 'network-enable-ipv6',
  subnet6: 'network-subnet6',
  gateway6: 'network-gateway6',
  internal: 'network-internal',
  attachable: 'network-attachable',
  labels: 'network-labels',
  mtu: 'network-mtu',
  bridgeName: 'network-bridge-name',
  icc: 'network-icc',
  ipMasquerade: 'network-ip-masquerade',
  hostBindingIpv4: 'network-host-binding-ipv4',
  parent: 'network-parent',
  macvlanMode: 'network-macvlan-mode',
  ipvlanMode: 'network-ipvlan-mode',
  ipvlanFlag: 'network-ipvlan-flag',
  form: 'network-form',
};

export type FormErrors = Partial<Record<FieldKey, string>>;

/** Sets one field and marks it touched. */
export type SetField = <K extends keyof NetworkForm>(key: K, value: NetworkForm[K]) => void;

/** What each part of the form gets: the state, the errors it may show now, and the setter. */
export interface SectionProps {
  form: NetworkForm;
  errors: FormErrors;
  set: SetField;
}
