import { describe, expect, it } from 'vitest';
import type { NetworkEditProgress, NetworkEditReport } from '@bridgeboard/contract';
import { applyEditProgress, isOurStart, pendingRows, rowsOfReport } from './edit-steps';

const commands = ['docker network disconnect app web', 'docker network rm app', 'docker network create --opt mtu=1400 app'];
const event = (
  phase: NetworkEditProgress['phase'],
  index: number,
  status: NetworkEditProgress['status'],
  patch: Partial<NetworkEditProgress> = {},
) => ({
  id: 'e1',
  engine: 'local',
  user: 'alice',
  network: 'app',
  phase,
  index,
  total: 3,
  command: commands[index] ?? '',
  status,
  error: null,
  ...patch,
});

describe('edit rows', () => {
  it('start with every step waiting and nothing checked or undone', () => {
    const rows = pendingRows(commands);
    expect(rows.steps.map((r) => [r.index, r.status])).toEqual([
      [0, 'pending'],
      [1, 'pending'],
      [2, 'pending'],
    ]);
    expect(rows.verify).toEqual([]);
    expect(rows.undo).toEqual([]);
  });

  it('follow the steps, then the checks, each in its own list', () => {
    let rows = pendingRows(commands);
    for (const e of [event('apply', 0, 'running'), event('apply', 0, 'done'), event('apply', 1, 'running')])
      rows = applyEditProgress(rows, e);
    expect(rows.steps.map((r) => r.status)).toEqual(['done', 'running', 'pending']);
    rows = applyEditProgress(rows, event('verify', 0, 'done', { total: 2, command: 'web ipv4 10.0.0.5' }));
    expect(rows.verify.map((r) => [r.command, r.status])).toEqual([
      ['web ipv4 10.0.0.5', 'done'],
      ['', 'pending'],
    ]);
    expect(rows.steps.map((r) => r.status)).toEqual(['done', 'running', 'pending']);
  });

  it('show a failed step with its error, and the undoing after it', () => {
    let rows = pendingRows(commands);
    rows = applyEditProgress(rows, event('apply', 2, 'failed', { error: 'pool overlaps' }));
    rows = applyEditProgress(rows, event('undo', 0, 'running', { total: 2, command: 'docker network create app' }));
    rows = applyEditProgress(rows, event('apply', 0, 'undone'));
    expect(rows.steps.map((r) => [r.status, r.error])).toEqual([
      ['undone', null],
      ['pending', null],
      ['failed', 'pool overlaps'],
    ]);
    expect(rows.undo.map((r) => [r.command, r.status])).toEqual([
      ['docker network create app', 'running'],
      ['', 'pending'],
    ]);
  });

  it('keep the planned command when an event carries none', () => {
    const rows = applyEditProgress(pendingRows(commands), event('apply', 1, 'done', { command: '' }));
    expect(rows.steps[1]?.command).toBe('docker network rm app');
  });

  it("take the report's account as the last word", () => {
    const report: NetworkEditReport = {
      id: 'e1',
      network: 'app',
      outcome: 'rolled-back',
      reason: 'web lost its address',
      steps: [
        { index: 0, command: commands[0] ?? '', status: 'undone', ms: 12, error: null },
        { index: 1, command: commands[1] ?? '', status: 'failed', ms: 3, error: 'in use' },
        { index: 2, command: commands[2] ?? '', status: 'not-run', ms: 0, error: null },
      ],
      undo: [{ command: 'docker network connect app web', status: 'done', error: null }],
      verification: [{ container: 'web', field: 'ipv4', expected: '10.0.0.5', actual: '10.0.0.9', ok: false }],
      offlineMs: [],
    };
    const rows = rowsOfReport(report);
    expect(rows.steps.map((r) => r.status)).toEqual(['undone', 'failed', 'not-run']);
    expect(rows.verify).toEqual([{ index: 0, command: 'web ipv4: 10.0.0.5', status: 'failed', error: 'found 10.0.0.9' }]);
    expect(rows.undo).toEqual([{ index: 0, command: 'docker network connect app web', status: 'done', error: null }]);
  });

  it('recognise their own start by engine, user, network and first step', () => {
    const me = { engine: 'local', user: 'alice', network: 'app' };
    expect(isOurStart(event('apply', 0, 'running'), me)).toBe(true);
    expect(isOurStart(event('apply', 0, 'running', { user: 'bob' }), me)).toBe(false);
    expect(isOurStart(event('apply', 0, 'running', { network: 'other' }), me)).toBe(false);
    expect(isOurStart(event('apply', 0, 'running', { engine: 'staging' }), me)).toBe(false);
    expect(isOurStart(event('apply', 1, 'running'), me)).toBe(false);
    expect(isOurStart(event('verify', 0, 'running'), me)).toBe(false);
  });
});
