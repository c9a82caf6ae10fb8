/**
 * The engine's own `network connect`/`disconnect` lines for one network, read on the bench's own
 * `GET /events`: their `timeNano` is where issue 13 starts its clock (engine event → DOM), and the
 * engine runs on this machine, so its clock is the bench's clock.
 */
import { createInterface } from 'node:readline';
import { engineStream } from './engine-api.js';
import { epochNow } from './web-engine.js';

export interface NetworkEvent {
  action: 'connect' | 'disconnect';
  container: string;
  /** The engine's `timeNano`, as epoch ms. */
  engineAt: number;
  /** When the line reached the bench (epoch ms): the floor of every later column. */
  at: number;
}

interface EventLine {
  Action?: string;
  Actor?: { Attributes?: Record<string, string> };
  timeNano?: number;
}

export interface NetworkEvents {
  seen: NetworkEvent[];
  /** The first line of `action` for `container` whose engine time is not before `since` (epoch ms). */
  find: (action: NetworkEvent['action'], container: string, since: number) => NetworkEvent | undefined;
  close: () => void;
}

/** Follows the connect/disconnect lines of network `id` until close(). */
export async function followNetwork(id: string): Promise<NetworkEvents> {
  const filters = encodeURIComponent(JSON.stringify({ type: ['network'], network: [id], event: ['connect', 'disconnect'] }));
  const res = await engineStream(`/events?filters=${filters}`);
  const seen: NetworkEvent[] = [];
  const lines = createInterface({ input: res, crlfDelay: Infinity });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    const e = JSON.parse(line) as EventLine;
    const container = e.Actor?.Attributes?.container;
    if ((e.Action !== 'connect' && e.Action !== 'disconnect') || !container) return;
    seen.push({ action: e.Action, container, engineAt: (e.timeNano ?? Number.NaN) / 1e6, at: epochNow() });
  });
  res.on('error', () => lines.close());
  return {
    seen,
    // 5 ms of slack: the bench's epoch clock (timeOrigin + now) and the kernel's wall clock drift a little apart.
    find: (action, container, since) => seen.find((e) => e.action === action && e.container === container && e.engineAt >= since - 5),
    close: () => {
      lines.close();
      res.destroy();
    },
  };
}
