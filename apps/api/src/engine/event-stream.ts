import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import type { FastifyBaseLogger } from 'fastify';
import { targetOf, type EngineEvent, type Target } from './engine-event.js';

const DUPLICATE_WINDOW_MS = 50;

/**
 * Reads the engine's `/events` stream until it ends or breaks: newline-delimited JSON, where a
 * chunk may hold half an event (readline keeps the remainder). Hands each event that can change
 * the board to `onTarget`, once — the engine emits each disconnect twice, ~2 ms apart. Every event
 * read, whatever it is, goes to `onEvent`; both get the moment the line was read (`performance.now()`).
 */
export async function readEvents(
  stream: NodeJS.ReadableStream,
  onTarget: (target: Target, readAt: number) => void,
  log: FastifyBaseLogger,
  isStopped: () => boolean,
  onEvent: (event: EngineEvent, readAt: number) => void = () => undefined,
): Promise<void> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  stream.on('error', (err: Error) => {
    if (!isStopped()) log.warn({ err }, 'engine event stream error');
    lines.close();
  });
  // readline waits for 'end', which a destroyed stream never emits.
  stream.on('close', () => lines.close());
  let last: { signature: string; at: number } | null = null;
  try {
    for await (const line of lines) {
      const readAt = performance.now();
      if (!line.trim()) continue;
      let event: EngineEvent;
      try {
        event = JSON.parse(line) as EngineEvent;
      } catch {
        log.warn({ line }, 'unparsable engine event');
        continue;
      }
      onEvent(event, readAt);
      const signature = `${event.Type ?? ''}|${event.Action ?? ''}|${event.Actor?.ID ?? ''}|${event.Actor?.Attributes?.container ?? ''}`;
      const now = Date.now();
      const duplicate = last?.signature === signature && now - last.at < DUPLICATE_WINDOW_MS;
      last = { signature, at: now };
      const target = targetOf(event);
      if (target && !duplicate) onTarget(target, readAt);
    }
  } catch (err) {
    if (!isStopped()) log.warn({ err }, 'engine event stream broke');
  }
}
