import { describe, expect, it } from 'vitest';
import { callKey, ENGINE_ALLOWLIST, EXEC_CALLS } from './engine-allowlist.js';

describe('the engine allowlist', () => {
  it('knows the probes’ exec calls apart from the rest', () => {
    expect(callKey({ method: 'POST', path: '/containers/web/exec' })).toBe('POST /containers/{id}/exec');
    expect(callKey({ method: 'POST', path: '/exec/4f1e/start' })).toBe('POST /exec/{id}/start');
    expect(callKey({ method: 'GET', path: '/exec/4f1e/json' })).toBe('GET /exec/{id}/json');
    for (const key of EXEC_CALLS) expect(ENGINE_ALLOWLIST.has(key)).toBe(false);
  });

  it.each([
    [{ method: 'GET', path: '/containers/web/json?' }, 'GET /containers/{id}/json'],
    [{ method: 'GET', path: '/v1.41/containers/json?all=1' }, 'GET /containers/json'],
    [{ method: 'POST', path: '/networks/appnet/connect' }, 'POST /networks/{id}/connect'],
    [{ method: 'POST', path: '/networks/create?' }, 'POST /networks/create'],
    [{ method: 'DELETE', path: '/networks/3f2a' }, 'DELETE /networks/{id}'],
    // Objects whose names look like endpoints are objects all the same.
    [{ method: 'GET', path: '/containers/json/json' }, 'GET /containers/{id}/json'],
    [{ method: 'GET', path: '/networks/create' }, 'GET /networks/{id}'],
    [{ method: 'DELETE', path: '/networks/create' }, 'DELETE /networks/{id}'],
    [{ method: 'POST', path: '/networks/create/connect' }, 'POST /networks/{id}/connect'],
  ])('folds %o to %s, which is allowed', (options, key) => {
    expect(callKey(options)).toBe(key);
    expect(ENGINE_ALLOWLIST.has(key)).toBe(true);
  });

  it.each([
    { method: 'POST', path: '/containers/create' },
    { method: 'POST', path: '/containers/web/exec' },
    { method: 'POST', path: '/containers/web/start' },
    { method: 'DELETE', path: '/containers/web' },
    { method: 'POST', path: '/images/create?fromImage=x' },
    { method: 'GET', path: '/containers/web/archive?path=/etc' },
    { method: 'POST', path: '/networks/prune' },
  ])('refuses %o', (options) => {
    expect(ENGINE_ALLOWLIST.has(callKey(options))).toBe(false);
  });
});
