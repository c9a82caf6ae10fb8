/**
 * Part (g) of `npm run bench` alone, at 10 and 100 running containers (EDIT_BENCH_SIZES overrides,
 * e.g. `EDIT_BENCH_SIZES=10`): how long each container is off its network while the app edits
 * the network (bench/network-edit-measure.ts). About two minutes, most of it starting the 100
 * containers (the engine takes ~0.5 s a start here), so run.ts does 10 only.
 *
 *   npx tsx --conditions=source bench/network-edit.ts
 *
 * Everything it makes is named `bbbench-edit-…` and removed after each size, at exit and on Ctrl-C.
 */
import { performance } from 'node:perf_hooks';
import { engineJson } from './engine-api.js';
import { runToExit } from './lifecycle.js';
import { EDIT_PREFIX, editSizesFromEnv, progress, runNetworkEditBench } from './network-edit-measure.js';
import { networkEditHeader, networkEditStepTable, networkEditTable } from './network-edit-table.js';

const stopping = new AbortController();

async function main(): Promise<void> {
  const started = performance.now();
  const version = await engineJson<{ Version: string; ApiVersion: string }>('GET', '/version');
  const rows = await runNetworkEditBench(editSizesFromEnv([10, 100]), stopping.signal);
  const out = [
    '',
    `Network edit bench — engine ${version.Version} (API ${version.ApiVersion}), node ${process.version}, ${new Date().toISOString()}`,
    '',
    ...networkEditHeader,
    '',
    networkEditTable(rows),
    '',
    networkEditStepTable(rows),
    '',
    `total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  ];
  process.stdout.write(`${out.join('\n')}\n`);
}

await runToExit(main, { prefix: EDIT_PREFIX, progress, onSignal: () => stopping.abort() });
