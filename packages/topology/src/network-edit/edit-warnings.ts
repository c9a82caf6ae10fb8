import type { NetworkSpec } from '../network-commands.js';
import type { Container, Network } from '../types.js';
import type { EditChange, EditEndpoint } from './edit-types.js';

/** What the plan says beside its steps: who is off the network and when, and what else to know. */

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const span = (from: number, to: number): string => (from === to ? `step ${from + 1}` : `steps ${from + 1}–${to + 1}`);

export function connectivitySentence(network: string, endpoints: readonly EditEndpoint[]): string {
  const windows = endpoints.flatMap((e) => (e.offline ? [e.offline] : []));
  const stopped = endpoints.length - windows.length;
  const stoppedPart =
    stopped === 0 ? '' : `${plural(stopped, 'stopped container')} ${stopped === 1 ? 'is' : 'are'} reconnected without traffic.`;
  const [first] = windows;
  const last = windows.at(-1);
  if (!first || !last) return `No running container is attached: nothing loses connectivity.${stoppedPart ? ` ${stoppedPart}` : ''}`;
  const one = windows.length === 1;
  const lengths = [...new Set(windows.map((w) => w.to - w.from))];
  const each = lengths.length === 1 ? `${one ? 'it' : 'each'} is off for ${plural(lengths[0] ?? 0, 'step')}` : 'each is off for a while';
  return (
    `${plural(windows.length, 'running container')} ${one ? 'loses' : 'lose'} '${network}' from ${one ? 'its' : 'their'} disconnect ` +
    `(${span(first.from, last.from)}) until ${one ? 'its' : 'their'} reconnect (${span(first.to, last.to)}): ${each}` +
    (stoppedPart ? `; ${stoppedPart}` : '.')
  );
}

const COMPOSE = 'com.docker.compose.';
// The labels compose checks on an existing network before it uses it (compose's `resolveOrCreateNetwork`).
const COMPOSE_OWNERSHIP = ['com.docker.compose.network', 'com.docker.compose.project'];

export function editWarnings(
  n: Network,
  target: NetworkSpec,
  changes: readonly EditChange[],
  endpoints: readonly EditEndpoint[],
  sharing: readonly { sharer: Container; host: EditEndpoint }[],
): string[] {
  const warnings: string[] = [];
  const composeLabels = Object.keys(n.labels).filter((k) => k.startsWith(COMPOSE));
  const targetLabels = target.labels ?? {};
  const dropped = COMPOSE_OWNERSHIP.filter((k) => Object.hasOwn(n.labels, k) && targetLabels[k] !== n.labels[k]);
  if (dropped.length > 0) {
    warnings.push(
      `The edit removes or changes compose's ${dropped.join(' and ')} ${dropped.length === 1 ? 'label' : 'labels'}: \`docker compose up\` will then refuse '${target.name}' ("network … was found but has incorrect label").`,
    );
  } else if (composeLabels.length > 0) {
    warnings.push(
      `Compose's labels on '${n.name}' are kept, so \`docker compose up\` still takes the network as its own; compose 2.31+ compares its com.docker.compose.config-hash label with the compose file and re-creates the network from the file when the file's network section changes, which undoes this edit unless the file says the same.`,
    );
  }
  for (const { sharer, host } of sharing) {
    const window = host.offline ? ` from step ${host.offline.from + 1} to step ${host.offline.to + 1}` : '';
    warnings.push(
      `'${sharer.name}' shares the network stack of '${host.container}' (container: mode): it loses '${n.name}' with it${window}.`,
    );
  }
  // address-keep.ts says "asked for with --ip" only of an address the engine had chosen itself.
  const pinned = endpoints.filter((e) =>
    e.kept.some((k) => (k.field === 'ipv4' || k.field === 'ipv6') && k.how.startsWith('asked for with')),
  );
  if (pinned.length > 0) {
    warnings.push(
      `${pinned.map((e) => `'${e.container}'`).join(', ')} ${pinned.length === 1 ? 'keeps its address' : 'keep their addresses'} by asking for ${pinned.length === 1 ? 'it' : 'them'} with --ip: the engine had chosen ${pinned.length === 1 ? 'it' : 'them'}, and from now on ${pinned.length === 1 ? 'it is' : 'they are'} fixed (IPAMConfig), as \`docker network connect --ip\` makes ${pinned.length === 1 ? 'it' : 'them'}.`,
    );
  }
  const subnetChanges = changes.some((c) => /^subnets\[\d+\]\.subnet$/.test(c.field));
  const moved = endpoints.filter((e) => (['ipv4', 'ipv6'] as const).some((f) => e.before[f] !== null && e.after[f] !== e.before[f]));
  if (subnetChanges && moved.length > 0) {
    warnings.push(
      `The subnet changes: ${moved.map((e) => `'${e.container}'`).join(', ')} ${moved.length === 1 ? 'moves' : 'move'} to new addresses and keep${moved.length === 1 ? 's' : ''} ${moved.length === 1 ? 'its' : 'their'} DNS names; whatever reaches ${moved.length === 1 ? 'it' : 'them'} by address (configuration, firewall rules, --link entries in /etc/hosts) must follow.`,
    );
  }
  return warnings;
}
