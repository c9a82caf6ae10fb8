import type { NetworkSpec } from '@bridgeboard/topology';

/**
 * Engines before API 1.44 create a second network of the same name unless asked to check
 * (`CheckDuplicate`); from 1.44 on they always check and the field is deprecated, so it is sent
 * only to the older ones. https://docs.docker.com/reference/api/engine/version-history/#v144-api-changes
 */
function checksDuplicatesItself(apiVersion: string | null): boolean {
  const [major = 0, minor = 0] = (apiVersion ?? '').split('.').map(Number);
  return major > 1 || (major === 1 && minor >= 44);
}

/** The engine's create body for a spec: what `docker network create` sends for it. */
export function engineBodyOfSpec(spec: NetworkSpec, apiVersion: string | null) {
  return {
    Name: spec.name,
    Driver: spec.driver,
    ...(!checksDuplicatesItself(apiVersion) && { CheckDuplicate: true }),
    Internal: spec.internal ?? false,
    Attachable: spec.attachable ?? false,
    EnableIPv6: spec.ipv6 ?? false,
    Labels: spec.labels ?? {},
    Options: spec.options ?? {},
    IPAM: {
      Driver: spec.ipamDriver ?? 'default',
      Options: spec.ipamOptions ?? {},
      Config: spec.subnets.map((s) => ({
        Subnet: s.subnet,
        ...(s.gateway ? { Gateway: s.gateway } : {}),
        ...(s.ipRange ? { IPRange: s.ipRange } : {}),
        ...(s.auxAddresses && Object.keys(s.auxAddresses).length > 0 ? { AuxiliaryAddresses: s.auxAddresses } : {}),
      })),
    },
  };
}
