import { performance } from 'node:perf_hooks';
import type { EngineTestResponse } from '@bridgeboard/contract';
import { engineVersion, pingEngine } from '../engine/engine-reader.js';
import { engineClient } from './engine-client.js';
import type { EngineSpec } from './engine.js';

const TEST_TIMEOUT_MS = 5_000;

/**
 * Asks an engine, before it joins the fleet, whether it answers: `/_ping`, then `/version`, within
 * 5 s. Over ssh:// it also tells the host key the engine showed: with none pinned the handshake is
 * refused right there (before signing in: nothing runs on the engine), and the key is the answer.
 */
export async function testEngine(spec: EngineSpec): Promise<EngineTestResponse> {
  const { docker } = engineClient(spec.connection);
  const started = performance.now();
  const signal = AbortSignal.timeout(TEST_TIMEOUT_MS);
  const hostKey = () => {
    const seen = spec.hostKey?.seen;
    return seen ? { key: seen.line, fingerprint: seen.fingerprint } : null;
  };
  try {
    await pingEngine(docker, signal);
    const version = await engineVersion(docker, signal);
    const ms = performance.now() - started;
    return { reachable: true, version: version.Version, apiVersion: version.ApiVersion, error: null, ms, hostKey: hostKey() };
  } catch (err) {
    const reason = signal.aborted ? `no answer within ${TEST_TIMEOUT_MS / 1000} s` : (err as Error).message;
    return { reachable: false, version: null, apiVersion: null, error: reason, ms: performance.now() - started, hostKey: hostKey() };
  }
}
