import { ROLES } from '@bridgeboard/contract';
import { describe, expect, it } from 'vitest';
import { API_ROLES } from '../../lib/api-roles';
import { can } from '../auth/permissions';
import { probeRefusal, type ProbeSettings } from './probe-refusal';

const on: ProbeSettings = { data: { probesEnabled: true }, error: null };
const off: ProbeSettings = { data: { probesEnabled: false }, error: null };

describe('probeRefusal', () => {
  it('refuses exactly the roles the probe route refuses, and names the roles it allows', () => {
    for (const role of ROLES) {
      const refusal = probeRefusal(role, on);
      expect(refusal === null, role).toBe(can(role, 'probeReachability'));
    }
    // The route declares operator (lib/api-roles.ts, from its x-role): a viewer is told who may.
    expect(API_ROLES.probeReachability).toBe('operator');
    expect(probeRefusal('viewer', on)).toEqual({ text: 'Checking live needs the operator or admin role.', settingsLink: false });
  });

  it('links to the settings only for a role that may change them', () => {
    for (const role of ROLES.filter((r) => can(r, 'probeReachability'))) {
      const refusal = probeRefusal(role, off);
      expect(refusal?.text, role).toMatch(/^Live probes are off/);
      expect(refusal?.settingsLink, role).toBe(can(role, 'updateSettings'));
    }
    expect(probeRefusal('operator', off)?.settingsLink).toBe(false);
    expect(probeRefusal('admin', off)?.settingsLink).toBe(true);
  });

  it('waits for the settings, and says when they cannot be read', () => {
    expect(probeRefusal('operator', { data: undefined, error: null })?.text).toBe('Reading the settings…');
    expect(probeRefusal('operator', { data: undefined, error: new Error('503 engine down') })?.text).toBe(
      'Could not read whether live probes are on: 503 engine down',
    );
  });

  it('says the role before the settings: a viewer is not told to wait for them', () => {
    expect(probeRefusal('viewer', { data: undefined, error: null })?.text).toMatch(/^Checking live needs/);
  });
});
