import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExportQuery } from '@bridgeboard/contract';
import { exportCommands, exportCompose, fromEngine, type EngineContainer, type EngineNetwork } from '@bridgeboard/topology';
import { BridgeboardError } from '../errors.js';
import { exportTopology } from './export.js';

// The rule-covering stack, recorded from a real engine by reachability-stack.sh --record.
const fx = JSON.parse(
  readFileSync(new URL('../../../../packages/topology/test/fixtures/reachability-1.41.json', import.meta.url), 'utf8'),
) as { networksList: EngineNetwork[]; containersInspect: EngineContainer[] };
const t = fromEngine(fx.networksList, fx.containersInspect);

/** What `exportTopology` threw, for a look at its class and problem as well as its message. */
function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
}

describe('exportTopology', () => {
  it('exports the selected networks and containers as the core writes them', () => {
    const selection = { networks: ['bbreach-back'], containers: ['bbreach-web'] };
    expect(exportTopology(t, { format: 'commands', ...selection })).toEqual({ format: 'commands', text: exportCommands(t, selection) });
    expect(exportTopology(t, { format: 'compose', ...selection })).toEqual({ format: 'compose', text: exportCompose(t, selection) });
    expect(exportTopology(t, { format: 'commands' }).text).toBe(exportCommands(t));
  });

  it.each(['nope-not-here', 'constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'refuses a selected name that is on no network or container, %s, as the caller’s mistake (400)',
    (ref) => {
      const cases: [ExportQuery, string][] = [
        [{ format: 'commands', networks: ['bbreach-back', ref] }, `No network named '${ref}'`],
        [{ format: 'compose', containers: [ref] }, `No container named '${ref}'`],
      ];
      for (const [query, message] of cases) {
        const err = thrown(() => exportTopology(t, query));
        expect(err).toBeInstanceOf(BridgeboardError);
        expect(err).toMatchObject({ problem: 'invalid', message });
      }
    },
  );
});
