import type { Activity } from '@bridgeboard/contract';
import { own, type Topology } from '@bridgeboard/topology';

/**
 * An activity's target as the toast names it. The server sends names, or an object's full id when
 * its store had not caught up yet; only such an id is looked up, by the table's own keys, so a
 * network named `constructor` is not toasted as "Object". Not by the docker CLI's id-prefix rule
 * (findNetwork): a removed network named `cafe` would be toasted under the name of whichever
 * network's id starts with "cafe".
 */
export function activityTarget(t: Topology | undefined, target: Activity['target']): Activity['target'] {
  const network = (t && own(t.networks, target.network)?.name) ?? target.network;
  const container = target.container && ((t && own(t.containers, target.container)?.name) ?? target.container);
  return container ? { network, container } : { network };
}
