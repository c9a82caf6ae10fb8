import { describe, expect, it } from 'vitest';
import type { Lint } from '@bridgeboard/topology';
import { groupLints } from './group-lints';

const lint = (code: Lint['code'], severity: Lint['severity']): Lint => ({
  code,
  severity,
  message: code,
  why: '',
  advice: null,
  containers: [],
  networks: [],
  fix: null,
});

describe('groupLints', () => {
  it('puts danger first, then warning, then info, keeping the order inside each', () => {
    const groups = groupLints([
      lint('empty-network', 'info'),
      lint('default-bridge', 'warning'),
      lint('host-privileged', 'danger'),
      lint('legacy-link', 'warning'),
    ]);
    expect(groups.map((g) => [g.severity, g.lints.map((l) => l.code)])).toEqual([
      ['danger', ['host-privileged']],
      ['warning', ['default-bridge', 'legacy-link']],
      ['info', ['empty-network']],
    ]);
  });
  it('leaves out severities with nothing in them', () => {
    expect(groupLints([lint('host-mode', 'warning')]).map((g) => g.severity)).toEqual(['warning']);
    expect(groupLints([])).toEqual([]);
  });
});
