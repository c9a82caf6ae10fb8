import { own, endpointsOfNetwork, findNetwork } from '../lookup.js';
import type { NetworkSpec } from '../network-commands.js';
import type { Container, Endpoint, Network, Topology } from '../types.js';
import { roomOf, type SubnetRoom } from './address-map.js';
import { addressCollisions } from './address-check.js';
import { editBasis } from './edit-basis.js';
import { editChanges } from './edit-changes.js';
import { apiAtLeast, type EditContext, type Refusal } from './edit-context.js';
import { networkRefusal, sharersOf, targetRefusals } from './edit-refusals.js';
import { editStepCommand, editSteps, stepOrder } from './edit-steps.js';
import type { NetworkEditInput, NetworkEditPlan } from './edit-types.js';
import { connectivitySentence, editWarnings } from './edit-warnings.js';
import { keepEndpoint, type KeptEndpoint } from './endpoint-keep.js';
import { specOfNetwork } from './network-spec.js';

export { specOfNetwork } from './network-spec.js';
export { editStepCommand } from './edit-steps.js';

/**
 * The plan of a network edit (issue 14): the engine cannot change a network, so it is re-made with
 * every endpoint given back what it had. Like the migration plan, refusals are returned, not
 * thrown, and a refused plan has no steps and no commands, so it can never be applied.
 */

// States with a network namespace (the endpoint is live) and states that change under the plan.
const LIVE = new Set<Container['state']>(['running', 'paused']);
const SETTLING = new Set<Container['state']>(['restarting', 'removing']);

/** The endpoints a re-make disconnects: a container in container: mode shares another's stack and is not attached itself. */
function attachedTo(t: Topology, n: Network): { container: Container; endpoint: Endpoint }[] {
  return endpointsOfNetwork(t, n.id).flatMap((endpoint) => {
    const container = own(t.containers, endpoint.containerId);
    return container && container.networkMode.kind !== 'container' ? [{ container, endpoint }] : [];
  });
}

const rooms = (spec: NetworkSpec): SubnetRoom[] => spec.subnets.map(roomOf).filter((r): r is SubnetRoom => r !== null);

export function planNetworkEdit(t: Topology, input: NetworkEditInput): NetworkEditPlan {
  const n = findNetwork(t, input.network);
  const target = input.target;
  if (!n) {
    const before: NetworkSpec = { name: input.network, driver: '', subnets: [] };
    return refusedPlan({ network: input.network, networkId: '', basis: '', before, after: target, changes: [] }, [
      { container: null, field: null, reason: `No network named '${input.network}'` },
    ]);
  }
  const attached = attachedTo(t, n);
  const before = specOfNetwork(n);
  const changes = editChanges(before, target);
  const head = {
    network: n.name,
    networkId: n.id,
    basis: editBasis(
      n,
      attached.map(({ container }) => ({ container, settings: own(input.settings, container.id) })),
    ),
    before,
    after: target,
    changes,
  };
  const whole = networkRefusal(n);
  if (whole) return refusedPlan(head, [{ container: null, field: null, reason: whole }]);

  const refusals: Refusal[] = targetRefusals(t, n, target, changes);
  const ctx: EditContext = {
    network: n,
    target,
    oldRooms: rooms(before),
    newRooms: rooms(target),
    policy: input.addresses,
    canSetMac: apiAtLeast(input.apiVersion, '1.44'),
    canSetGwPriority: apiAtLeast(input.apiVersion, '1.48'),
  };
  const kept: KeptEndpoint[] = [];
  for (const { container: c, endpoint: e } of attached) {
    const settings = own(input.settings, c.id);
    if (SETTLING.has(c.state)) {
      refusals.push({ container: c.name, field: null, reason: `'${c.name}' is ${c.state}: wait until it runs or stops` });
    } else if (!settings) {
      refusals.push({ container: c.name, field: null, reason: `No settings of '${c.name}' on '${n.name}' were given: inspect it again` });
    } else kept.push(keepEndpoint(ctx, c, e, settings, LIVE.has(c.state)));
  }
  kept.sort((a, b) => stepOrder(a.endpoint, b.endpoint));
  const endpoints = kept.map((k) => k.endpoint);
  refusals.push(...kept.flatMap((k) => k.refusals), ...addressCollisions(ctx, endpoints));
  const unkept = kept.flatMap((k) => k.unkept);
  const warnings = (): string[] => editWarnings(n, target, changes, endpoints, sharersOf(t, endpoints));
  if (refusals.length > 0) return refusedPlan({ ...head, endpoints, unkept, warnings: warnings() }, refusals);

  const steps = editSteps(n.name, { kind: 'create-network', spec: target }, kept);
  // First off, first back: the i-th disconnect's container is the i-th connect's.
  const back = endpoints.length + 2;
  endpoints.forEach((e, i) => {
    e.offline = e.running ? { from: i, to: back + i } : null;
  });
  return {
    ...head,
    endpoints,
    steps,
    commands: steps.map(editStepCommand),
    connectivity: connectivitySentence(n.name, endpoints),
    unkept,
    warnings: warnings(),
    refusals: [],
  };
}

function refusedPlan(
  head: Pick<NetworkEditPlan, 'network' | 'networkId' | 'basis' | 'before' | 'after' | 'changes'> &
    Partial<Pick<NetworkEditPlan, 'endpoints' | 'unkept' | 'warnings'>>,
  refusals: Refusal[],
): NetworkEditPlan {
  return {
    endpoints: [],
    unkept: [],
    warnings: [],
    ...head,
    steps: [],
    commands: [],
    connectivity: 'The plan is refused: nothing runs, so nothing loses connectivity.',
    refusals,
  };
}
