/** (g)'s header and tables: one row per edit (size × direction). */
import { PING_INTERVAL_MS } from './network-edit-pinger.js';
import type { EditRow, StepKind } from './network-edit-measure.js';
import { blankRepeats, columnGroup, fixed, ms, msSpread, renderTable } from './table.js';

export const networkEditHeader = [
  '(g) Network edit (issue 14): a bridge network with N running containers has its MTU changed, then changed back, through',
  '    POST …/networks/{id}/edit/plan and …/edit. The app re-makes the network: every container disconnected, the network removed',
  '    and created again, every container reconnected (address, aliases, MAC kept), then each endpoint checked.',
  "    offline: the app's report, per running container, from sending its disconnect to the answer of its connect.",
  `    pinger: the first container by name (c-000: the first disconnected and the first back) pings the gateway every ${PING_INTERVAL_MS} ms`,
  "    meanwhile: its offline in the app's report, and the longest silence between two of its replies (stamped inside it;",
  `    ≈ ${PING_INTERVAL_MS} ms when nothing is lost). wall: sending the apply until its answer (the plan made again, the steps, the check);`,
  '    steps: the sum of the steps alone.',
];

const arrow = (change: string) => change.replace(' → ', '→');

export function networkEditTable(rows: EditRow[]): string {
  return renderTable(
    [
      ...columnGroup('edit', ['ctrs', 'MTU'], true),
      ...columnGroup('offline, ms', ['n', 'p50', 'p95', 'max']),
      ...columnGroup('pinger, ms', ['offline', 'silence']),
      ...columnGroup('edit, s', ['wall', 'steps']),
    ],
    blankRepeats(
      rows.map((r) => [
        String(r.size),
        arrow(r.change),
        String(r.offline.length),
        ...msSpread(r.offline),
        ms(r.pinger.serverMs),
        ms(r.pinger.silenceMs),
        fixed(r.wallMs / 1000, 1),
        fixed([...r.steps.values()].flat().reduce((a, v) => a + v, 0) / 1000, 1),
      ]),
      1,
    ),
  );
}

const KINDS: StepKind[] = ['disconnect', 'remove-network', 'create-network', 'connect'];

/** Each step kind's ms: p50, p95 and max over its steps (one rm and one create per edit), and their sum. */
export function networkEditStepTable(rows: EditRow[]): string {
  const many = (values: number[]) => [...msSpread(values), fixed(values.reduce((a, v) => a + v, 0) / 1000, 1)];
  return renderTable(
    [
      ...columnGroup('edit', ['ctrs', 'MTU'], true),
      ...columnGroup('disconnect, ms', ['p50', 'p95', 'max', 'Σ s']),
      ...columnGroup('rm', ['ms']),
      ...columnGroup('create', ['ms']),
      ...columnGroup('connect, ms', ['p50', 'p95', 'max', 'Σ s']),
    ],
    blankRepeats(
      rows.map((r) => {
        const [disconnect = [], rm = [], create = [], connect = []] = KINDS.map((kind) => r.steps.get(kind) ?? []);
        return [
          String(r.size),
          arrow(r.change),
          ...many(disconnect),
          ms(rm[0] ?? Number.NaN),
          ms(create[0] ?? Number.NaN),
          ...many(connect),
        ];
      }),
      1,
    ),
  );
}
