import { isDefaultBridge, type Network } from '@bridgeboard/topology';
import type { SwarmBar } from './swarm-marks';

const SWARM_TONE = 'border-violet-500 bg-violet-50 dark:bg-violet-950/40';
const VIOLET = '#8b5cf6';
const SKY = '#0284c7';

/**
 * What kind of bar this is, in the article's words; a swarm's networks by what they are for. Shared
 * by the detailed bar, its far-zoom summary and the minimap (`map`: the bar's colour there).
 */
export function kindOf(n: Network, swarm: SwarmBar | null): { label: string; tone: string; map: string; why?: string } {
  if (swarm?.role === 'ingress') return { label: 'routing mesh (ingress)', tone: SWARM_TONE, map: VIOLET };
  if (swarm?.role === 'gateway')
    return {
      label: 'swarm gateway bridge',
      tone: 'border-sky-600 bg-sky-50 dark:bg-sky-950/40',
      map: SKY,
      why: "Made by swarm on every node: overlay containers reach outside, and the node's published ports, through it.",
    };
  if (swarm?.role === 'overlay') {
    const count = swarm.nodes.length;
    return {
      label: count === 0 ? 'overlay · no endpoint seen from this node' : `overlay · spans ${count} node${count === 1 ? '' : 's'}`,
      tone: SWARM_TONE,
      map: VIOLET,
    };
  }
  if (isDefaultBridge(n))
    return { label: 'default bridge · no DNS', tone: 'border-amber-500 bg-amber-50 dark:bg-amber-950/40', map: '#f59e0b' };
  if (n.driver === 'host')
    return { label: "host mode · shares the host's stack", tone: 'border-rose-500 bg-rose-50 dark:bg-rose-950/40', map: '#f43f5e' };
  if (n.driver === 'null')
    return { label: 'none mode · isolated, no network', tone: 'border-slate-400 bg-slate-100 dark:bg-slate-800/60', map: '#94a3b8' };
  if (n.driver === 'bridge')
    return { label: 'user-defined bridge · DNS by name', tone: 'border-sky-600 bg-sky-50 dark:bg-sky-950/40', map: SKY };
  return { label: `${n.driver} network`, tone: 'border-violet-500 bg-violet-50 dark:bg-violet-950/40', map: VIOLET };
}
