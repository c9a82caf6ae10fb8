/**
 * How many of the bench's containers can run: issue 13 asks for running containers "where the
 * machine allows". A running busybox `sleep` costs its containerd-shim and its process; measured
 * on the first SAMPLE started, then extrapolated against free memory, keeping FLOOR_GIB free.
 */
import { readFileSync } from 'node:fs';
import { engineJson } from './engine-api.js';
import { parallel } from './parallel.js';
import { progress } from './web-engine.js';

export const SAMPLE = 50;
export const FLOOR_GIB = 4;

/** A field of /proc/<pid>/status or smaps_rollup in KiB (NaN when unreadable). */
function kib(file: string, field: string): number {
  try {
    return Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(readFileSync(file, 'utf8'))?.[1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

export const memAvailableMiB = () => kib('/proc/meminfo', 'MemAvailable') / 1024;

export interface RunningCost {
  /** Per container (shim + its process), MiB: RSS counts the shim's shared pages in full; PSS shares them out. */
  rssMiB: number;
  pssMiB: number;
  availableMiB: number;
  /** How many more may run, by PSS (RSS when PSS is unreadable), keeping FLOOR_GIB free. */
  more: number;
}

/** Measures the running containers `ids` (their process and its parent, the containerd-shim). */
export async function runningCost(ids: string[]): Promise<RunningCost> {
  let rss = 0;
  let pss = 0;
  for (const id of ids) {
    const { State } = await engineJson<{ State: { Pid: number } }>('GET', `/containers/${id}/json`);
    const shim = kib(`/proc/${State.Pid}/status`, 'PPid');
    for (const pid of [State.Pid, shim]) {
      rss += kib(`/proc/${pid}/status`, 'VmRSS');
      pss += kib(`/proc/${pid}/smaps_rollup`, 'Pss');
    }
  }
  const rssMiB = rss / 1024 / ids.length;
  const pssMiB = pss / 1024 / ids.length;
  const availableMiB = memAvailableMiB();
  const per = Number.isFinite(pssMiB) && pssMiB > 0 ? pssMiB : rssMiB;
  return { rssMiB, pssMiB, availableMiB, more: Math.max(0, Math.floor((availableMiB - FLOOR_GIB * 1024) / per)) };
}

/** Starts `ids` 8 at a time (the engine serialises much of a start: ~0.5 s each here). */
export async function startAll(ids: string[]): Promise<void> {
  let started = 0;
  await parallel(ids, 8, async (id) => {
    await engineJson('POST', `/containers/${id}/start`);
    if (++started % 100 === 0) progress(`${started} of ${ids.length} started`);
  });
}
