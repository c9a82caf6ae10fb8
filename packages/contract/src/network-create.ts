import { Type, type Static } from 'typebox';
import { Ref } from './common.js';
import { IFNAME_PATTERN, LABEL_KEY_PATTERN } from './patterns.js';

/** A subnet of the new network, as `docker network create --subnet/--gateway/--ip-range/--aux-address`. */
export const SubnetInput = Type.Object(
  {
    subnet: Type.String({ minLength: 1, maxLength: 64, description: 'CIDR, IPv4 or IPv6' }),
    gateway: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    ipRange: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'CIDR inside the subnet' })),
    auxAddresses: Type.Optional(
      Type.Record(Type.String({ pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$' }), Type.String({ maxLength: 64 }), {
        maxProperties: 32,
        // Keys that miss the pattern are refused, not let through.
        additionalProperties: false,
      }),
    ),
  },
  { additionalProperties: false },
);

/** Driver options, each mapped to the engine's `-o` key; which ones apply depends on the driver. */
export const NetworkOptionsInput = Type.Object(
  {
    mtu: Type.Optional(Type.Integer({ minimum: 68, maximum: 65535, description: 'com.docker.network.driver.mtu' })),
    bridgeName: Type.Optional(Type.String({ pattern: IFNAME_PATTERN, description: 'com.docker.network.bridge.name' })),
    icc: Type.Optional(Type.Boolean({ description: 'com.docker.network.bridge.enable_icc' })),
    ipMasquerade: Type.Optional(Type.Boolean({ description: 'com.docker.network.bridge.enable_ip_masquerade' })),
    hostBindingIpv4: Type.Optional(Type.String({ format: 'ipv4', description: 'com.docker.network.bridge.host_binding_ipv4' })),
    parent: Type.Optional(Type.String({ pattern: IFNAME_PATTERN, description: 'macvlan/ipvlan parent interface' })),
    macvlanMode: Type.Optional(
      Type.Union([Type.Literal('bridge'), Type.Literal('vepa'), Type.Literal('passthru'), Type.Literal('private')]),
    ),
    ipvlanMode: Type.Optional(Type.Union([Type.Literal('l2'), Type.Literal('l3'), Type.Literal('l3s')])),
    ipvlanFlag: Type.Optional(Type.Union([Type.Literal('bridge'), Type.Literal('private'), Type.Literal('vepa')])),
  },
  { additionalProperties: false },
);

export const NETWORK_DRIVERS = ['bridge', 'macvlan', 'ipvlan'] as const;

export const NetworkCreateBody = Type.Object(
  {
    name: Ref,
    driver: Type.Optional(Type.Union([Type.Literal('bridge'), Type.Literal('macvlan'), Type.Literal('ipvlan')])),
    internal: Type.Optional(Type.Boolean()),
    attachable: Type.Optional(Type.Boolean()),
    enableIPv6: Type.Optional(Type.Boolean()),
    labels: Type.Optional(
      Type.Record(Type.String({ pattern: LABEL_KEY_PATTERN }), Type.String({ maxLength: 1024 }), {
        maxProperties: 64,
        additionalProperties: false,
      }),
    ),
    subnets: Type.Optional(Type.Array(SubnetInput, { maxItems: 8 })),
    options: Type.Optional(NetworkOptionsInput),
  },
  { additionalProperties: false },
);
export type NetworkCreateBody = Static<typeof NetworkCreateBody>;
export type NetworkDriver = (typeof NETWORK_DRIVERS)[number];

/** Which driver each option belongs to. */
export const OPTION_DRIVERS: Record<keyof NonNullable<NetworkCreateBody['options']>, readonly NetworkDriver[]> = {
  mtu: ['bridge'],
  bridgeName: ['bridge'],
  icc: ['bridge'],
  ipMasquerade: ['bridge'],
  hostBindingIpv4: ['bridge'],
  parent: ['macvlan', 'ipvlan'],
  macvlanMode: ['macvlan'],
  ipvlanMode: ['ipvlan'],
  ipvlanFlag: ['ipvlan'],
};

/** The engine's `-o` keys for the options above. */
export const OPTION_KEYS: Record<keyof NonNullable<NetworkCreateBody['options']>, string> = {
  mtu: 'com.docker.network.driver.mtu',
  bridgeName: 'com.docker.network.bridge.name',
  icc: 'com.docker.network.bridge.enable_icc',
  ipMasquerade: 'com.docker.network.bridge.enable_ip_masquerade',
  hostBindingIpv4: 'com.docker.network.bridge.host_binding_ipv4',
  parent: 'parent',
  macvlanMode: 'macvlan_mode',
  ipvlanMode: 'ipvlan_mode',
  ipvlanFlag: 'ipvlan_flag',
};
