import {
  defaultAccess,
  describeBasis,
  engineAccess,
  missingGrant,
  networkAccess,
  roleAtLeast,
  type AccessAnswer,
  type Grant,
  type Holder,
  type Rights,
  type Role,
} from '@bridgeboard/contract';
import { findNetwork } from '@bridgeboard/topology';
import type { GrantStore } from '../auth/grant-store.js';
import type { StoredUser } from '../auth/user-store.js';
import { BridgeboardError } from '../errors.js';
import type { Fleet } from '../fleet/fleet.js';

/** A user as the guards see it: its roles and the grants that reach it and its groups. */
export function holderOf(user: StoredUser, grants: GrantStore): Holder {
  return { role: user.role, engineRoles: user.engineRoles, grants: grants.rulesFor({ user: user.username, groups: user.groups }) };
}

/**
 * What `user` may do where: per engine of the fleet, the role and what gave it, and each network
 * where a grant gives more than the engine does (read from the engine's topology as it is now).
 */
export function rightsOf(user: StoredUser, grants: GrantStore, fleet: Fleet): Rights {
  const holder = holderOf(user, grants);
  const reaching = new Set((holder.grants ?? []).map((g) => g.id));
  const def = defaultAccess(holder);
  return {
    username: user.username,
    groups: user.groups,
    role: user.role,
    defaultRole: def.role,
    defaultAllowedBy: describeBasis(def.basis),
    grants: grants.list().filter((g: Grant) => reaching.has(g.id)),
    engines: fleet.list().map((engine) => {
      const onEngine = engineAccess(holder, engine.id);
      const networks = Object.values(engine.store.current.networks).flatMap((network) => {
        const has = networkAccess(holder, engine.id, network);
        return has.role !== 'none' && !roleAtLeast(onEngine.role, has.role)
          ? [{ network: network.name, role: has.role, allowedBy: describeBasis(has.basis) }]
          : [];
      });
      return { engine: engine.id, role: onEngine.role, allowedBy: describeBasis(onEngine.basis), networks };
    }),
  };
}

/** "Why can't I?" for one engine, or one network on it: allowed or not, what gave the role held, and what is missing. */
export function accessOn(holder: Holder, fleet: Fleet, engineId: string, needed: Role, networkRef: string | undefined): AccessAnswer {
  const engine = fleet.get(engineId);
  const network = networkRef === undefined ? null : (findNetwork(engine.store.current, networkRef) ?? null);
  if (networkRef !== undefined && !network)
    throw new BridgeboardError('not-found', `query/network: no network '${networkRef}' on engine '${engineId}'`);
  const has = network ? networkAccess(holder, engineId, network) : engineAccess(holder, engineId);
  const allowed = roleAtLeast(has.role, needed);
  return {
    allowed,
    role: has.role,
    allowedBy: describeBasis(has.basis),
    missing: allowed ? null : missingGrant(holder, engineId, network, needed),
  };
}
