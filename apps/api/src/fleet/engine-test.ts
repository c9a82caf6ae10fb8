import { performance } from 'node:perf_hooks';
import type { EngineTestResponse } from '@bridgeboard/contract';
import { engineVersion, pingEngine } from '../engine/engine-reader.js';
import { engineClient } from './engine-client.js';
import type { EngineSpec } from './engine.js';

const TEST_TIMEOUT_MS = 5_000;

/** Asks an engine, before it joins the fleet, whether it answers: `/_ping`, then `/version`, within 5 s. */
export async function testEngine(spec: EngineSpec): Promise<EngineTestResponse> {
  const { docker } = engineClient(spec.connection);
  const started = performance.now();
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  try {
    await pingEngine(docker, signal);
    const version = await engineVersion(docker, signal);
    return { reachable: true, version: version.Version, apiVersion: version.ApiVersion, error: null, ms: performance.now() - started };
  } catch (err) {
    const reason = signal.aborted ? `no answer within ${TEST_TIMEOUT_MS / 1000} s` : (err as Error).message;
    return { reachable: false, version: null, apiVersion: null, error: reason, ms: performance.now() - started };
  }
}
