import { describe, expect, it } from 'vitest';
import type { MigrationProgress } from '@bridgeboard/contract';
import { allDone, applyProgress, isOurStart, pendingSteps } from './migration-steps';

const commands = ['docker network create n', 'docker network connect n a', 'docker network connect n b'];
const event = (index: number, status: MigrationProgress['status'], error: string | null = null): MigrationProgress => ({
  id: 'm1',
  engine: 'local',
  user: 'alice',
  index,
  total: 3,
  command: commands[index] ?? '',
  status,
  error,
});

describe('migration steps', () => {
  it('start pending, one row per command', () => {
    expect(pendingSteps(commands).map((r) => [r.index, r.status])).toEqual([
      [0, 'pending'],
      [1, 'pending'],
      [2, 'pending'],
    ]);
  });

  it('follow the events: running, done, then a failure and the undoing of what was done', () => {
    let rows = pendingSteps(commands);
    for (const e of [event(0, 'running'), event(0, 'done'), event(1, 'running'), event(1, 'failed', 'no such container')])
      rows = applyProgress(rows, e);
    expect(rows.map((r) => r.status)).toEqual(['done', 'failed', 'pending']);
    expect(rows[1]?.error).toBe('no such container');
    rows = applyProgress(rows, event(0, 'undoing'));
    expect(rows[0]?.status).toBe('undoing');
    rows = applyProgress(rows, event(0, 'undone'));
    expect(rows.map((r) => r.status)).toEqual(['undone', 'failed', 'pending']);
  });

  it('take the command from the event and grow when the server planned more steps', () => {
    const rows = applyProgress(pendingSteps(['x']), { ...event(2, 'running'), command: 'docker network connect n c' });
    expect(rows.map((r) => r.command)).toEqual(['x', '', 'docker network connect n c']);
  });

  it('recognise their own start by user and first command', () => {
    expect(isOurStart(event(0, 'running'), 'alice', commands)).toBe(true);
    expect(isOurStart(event(0, 'running'), 'bob', commands)).toBe(false);
    expect(isOurStart(event(1, 'running'), 'alice', commands)).toBe(false);
    expect(isOurStart(event(0, 'running'), 'alice', ['docker network create other'])).toBe(false);
  });

  it('mark whatever is left done once the server answered success', () => {
    const rows = applyProgress(pendingSteps(commands), event(0, 'done'));
    expect(allDone(applyProgress(rows, event(1, 'running'))).map((r) => r.status)).toEqual(['done', 'done', 'done']);
  });
});
