import { Type, type Static } from 'typebox';
import type { Topology } from '@bridgeboard/topology';
import { NullableString, StringMap } from './common.js';

/** The topology as JSON Schema, for response serialisation; `Topology` in the core is the type. */

const IpamConfig = Type.Object({ subnet: Type.String(), gateway: NullableString, ipRange: NullableString, auxAddresses: StringMap });

export const NetworkSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  driver: Type.String(),
  scope: Type.String(),
  internal: Type.Boolean(),
  attachable: Type.Boolean(),
  ingress: Type.Boolean(),
  enableIPv6: Type.Boolean(),
  ipam: Type.Object({ driver: Type.String(), config: Type.Array(IpamConfig), options: StringMap }),
  options: StringMap,
  labels: StringMap,
  created: Type.String(),
  system: Type.Boolean(),
  hostInterface: NullableString,
});

const NetworkMode = Type.Union([
  Type.Object({ kind: Type.Literal('bridge') }),
  Type.Object({ kind: Type.Literal('network'), network: Type.String() }),
  Type.Object({ kind: Type.Literal('host') }),
  Type.Object({ kind: Type.Literal('none') }),
  Type.Object({ kind: Type.Literal('container'), container: Type.String() }),
]);

export const ContainerSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  image: Type.String(),
  state: Type.Union([
    Type.Literal('created'),
    Type.Literal('running'),
    Type.Literal('paused'),
    Type.Literal('restarting'),
    Type.Literal('removing'),
    Type.Literal('exited'),
    Type.Literal('dead'),
  ]),
  networkMode: NetworkMode,
  privileged: Type.Boolean(),
  ports: Type.Array(
    Type.Object({
      containerPort: Type.Integer(),
      protocol: Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('sctp')]),
      hostIp: Type.String(),
      hostPort: Type.Integer(),
    }),
  ),
  links: Type.Array(Type.Object({ container: Type.String(), alias: Type.String() })),
  labels: StringMap,
  composeProject: NullableString,
  created: Type.String(),
});

export const EndpointSchema = Type.Object({
  networkId: Type.String(),
  containerId: Type.String(),
  endpointId: Type.String(),
  ipv4: NullableString,
  ipv4PrefixLen: Type.Union([Type.Integer(), Type.Null()]),
  ipv6: NullableString,
  mac: NullableString,
  gateway: NullableString,
  aliases: Type.Array(Type.String()),
  dnsNames: Type.Array(Type.String()),
  ipamConfig: Type.Object({ ipv4: NullableString, ipv6: NullableString }),
});

export const SwarmNodeSchema = Type.Object({
  id: Type.String(),
  hostname: Type.String(),
  role: Type.Union([Type.Literal('manager'), Type.Literal('worker')]),
  leader: Type.Boolean(),
  state: Type.String(),
  availability: Type.String(),
  addr: Type.String(),
  engineVersion: Type.String(),
  self: Type.Boolean(),
});

const NetworkAddress = Type.Object({ networkId: Type.String(), addr: Type.String() });

export const SwarmServiceSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  image: Type.String(),
  mode: Type.Union([Type.Literal('replicated'), Type.Literal('global')]),
  replicas: Type.Union([Type.Integer(), Type.Null()]),
  endpointMode: Type.Union([Type.Literal('vip'), Type.Literal('dnsrr')]),
  vips: Type.Array(NetworkAddress),
  ports: Type.Array(
    Type.Object({
      protocol: Type.Union([Type.Literal('tcp'), Type.Literal('udp'), Type.Literal('sctp')]),
      targetPort: Type.Integer(),
      publishedPort: Type.Integer(),
      publishMode: Type.Union([Type.Literal('ingress'), Type.Literal('host')]),
    }),
  ),
  networks: Type.Array(Type.String()),
  labels: StringMap,
});

export const SwarmTaskSchema = Type.Object({
  id: Type.String(),
  serviceId: Type.String(),
  slot: Type.Union([Type.Integer(), Type.Null()]),
  nodeId: Type.String(),
  state: Type.String(),
  desiredState: Type.String(),
  containerId: NullableString,
  addresses: Type.Array(NetworkAddress),
  error: NullableString,
});

export const OverlayMemberSchema = Type.Object({
  networkId: Type.String(),
  endpointId: Type.String(),
  name: Type.String(),
  ipv4: NullableString,
  nodeAddr: Type.String(),
  service: NullableString,
});

export const TopologySchema = Type.Object({
  rev: Type.Integer(),
  networks: Type.Record(Type.String(), NetworkSchema),
  containers: Type.Record(Type.String(), ContainerSchema),
  endpoints: Type.Record(Type.String(), EndpointSchema),
  nodes: Type.Record(Type.String(), SwarmNodeSchema),
  services: Type.Record(Type.String(), SwarmServiceSchema),
  tasks: Type.Record(Type.String(), SwarmTaskSchema),
  members: Type.Record(Type.String(), OverlayMemberSchema),
});

// Compile-time proof that the schema and the core's type describe the same JSON.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type AssertTrue<T extends true> = T;
export type SchemaMatchesCore = AssertTrue<Same<Static<typeof TopologySchema>, Topology>>;
