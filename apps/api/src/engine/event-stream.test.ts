import { PassThrough } from 'node:stream';
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import type { Target } from './engine-event.js';
import { readEvents } from './event-stream.js';

// Fastify without a logger hands out a no-op one.
const log = Fastify().log;
const line = (o: object) => `${JSON.stringify(o)}\n`;
const disconnect = { Type: 'network', Action: 'disconnect', Actor: { ID: 'n1', Attributes: { container: 'c1' } } };

describe('readEvents', () => {
  it('joins events split across chunks, skips junk, and drops the engine’s doubled disconnect', async () => {
    const stream = new PassThrough();
    const targets: Target[] = [];
    const done = readEvents(
      stream,
      (t) => targets.push(t),
      log,
      () => false,
    );
    const create = line({ Type: 'network', Action: 'create', Actor: { ID: 'n2' } });
    stream.write(create.slice(0, 10));
    stream.write(create.slice(10) + 'not json\n');
    stream.write(line(disconnect) + line(disconnect));
    stream.write(line({ Type: 'container', Action: 'exec_start: sh', Actor: { ID: 'c1' } }));
    stream.end();
    await done;
    expect(targets).toEqual([
      { kind: 'network', id: 'n2' },
      { kind: 'container', id: 'c1', expect: { network: 'n1', attached: false } },
    ]);
  });

  it('ends when the stream is destroyed (readline alone would wait for an end that never comes)', async () => {
    const stream = new PassThrough();
    const done = readEvents(
      stream,
      () => undefined,
      log,
      () => true,
    );
    stream.destroy();
    await expect(done).resolves.toBeUndefined();
  });
});
