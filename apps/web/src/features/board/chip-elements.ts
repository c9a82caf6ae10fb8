import { own, type Topology } from '@bridgeboard/topology';
import { MARK_LABEL } from '../reachability/reach-mark';
import type { ElementInputs } from './element-types';
import type { ContainerNodeType } from './container-node';
import type { ElementCache } from './element-cache';
import type { Slot } from './place-slots';
import { localBadges } from './swarm-marks';

/**
 * This engine's chips. On a full pass (`changed` null: the view or the layout changed) every
 * container is looked at; otherwise only the containers a patch changed, and those in
 * `container:X` mode (their label names X). Unchanged chips are the same objects as before.
 */
export function chipNodes(
  { topology: t, layout, pending, matches, selectedId, reach, canConnect }: ElementInputs,
  positionOf: (slot: Slot) => { x: number; y: number },
  cache: ElementCache,
  changed: string[] | null,
): ContainerNodeType[] {
  const chips = cache.chipsById;
  const badges = localBadges(t);
  const pendingChips = new Set([...pending.connecting, ...pending.disconnecting].map((key) => key.slice(key.indexOf('/') + 1)));
  if (changed === null) {
    chips.clear();
    cache.sharing.clear();
  }
  const ids = changed === null ? Object.keys(t.containers) : changed.length > 0 ? [...new Set([...changed, ...cache.sharing])] : [];
  for (const id of ids) {
    const c = own(t.containers, id);
    if (c?.networkMode.kind === 'container') cache.sharing.add(id);
    else cache.sharing.delete(id);
    const slot = c && own(layout.slots, c.id);
    if (!c || !slot) {
      chips.delete(id);
      cache.chips.drop(id);
      continue;
    }
    chips.set(id, chipNode(t, c, positionOf(slot), { matches, selectedId, reach, canConnect, pendingChips, badges }, cache));
  }
  return [...chips.values()];
}

interface ChipView extends Pick<ElementInputs, 'matches' | 'selectedId' | 'reach' | 'canConnect'> {
  pendingChips: Set<string>;
  badges: ReturnType<typeof localBadges>;
}

function chipNode(
  t: Topology,
  c: Topology['containers'][string],
  position: { x: number; y: number },
  { matches, selectedId, reach, canConnect, pendingChips, badges }: ChipView,
  cache: ElementCache,
): ContainerNodeType {
  const mode = c.networkMode;
  const sharesWith = mode.kind === 'container' ? (own(t.containers, mode.container)?.name ?? null) : null;
  const dimmed = matches !== null && !matches.has(c.id);
  const pendingHere = pendingChips.has(c.id);
  const reached = reach?.chips.get(c.id) ?? null;
  const from = reach?.from ?? '';
  const node = badges?.chips.has(c.id) ? badges.node : null;
  const selected = selectedId === c.id;
  const inputs = [c, position.x, position.y, sharesWith, dimmed, pendingHere, reached, from, node, selected, canConnect];
  return cache.chips.get(c.id, inputs, () => ({
    id: c.id,
    type: 'container',
    position,
    data: { container: c, sharesWith, dimmed, pending: pendingHere, reach: reached, node },
    // Read out when the chip gets the keyboard focus: the verdict and its reason, as the tooltip shows a mouse.
    ariaLabel:
      reached && reached.mark !== 'self' ? `${c.name}: ${MARK_LABEL[reached.mark]} from ${from}. ${reached.explanation}` : undefined,
    selected,
    draggable: canConnect,
    connectable: false,
  }));
}
