import { ROLES, type EngineRole } from '@bridgeboard/contract';
import { can } from '../auth/permissions';

export interface ProbeRefusal {
  text: string;
  /** Whether to link to the settings: only for a role that may change them. */
  settingsLink: boolean;
}

/** What the settings query knows: whether live probes are on, once read. */
export interface ProbeSettings {
  data: { probesEnabled: boolean } | undefined;
  error: Error | null;
}

/**
 * Why "Check live" cannot run for this role now, or null when it can. Who may probe and who may
 * turn probes on are the routes' own declarations (`can`), not roles written out here. The server
 * checks both again.
 */
export function probeRefusal(role: EngineRole, settings: ProbeSettings): ProbeRefusal | null {
  if (!can(role, 'probeReachability')) {
    const allowed = ROLES.filter((r) => can(r, 'probeReachability'));
    return { text: `Checking live needs the ${allowed.join(' or ')} role.`, settingsLink: false };
  }
  if (settings.error) return { text: `Could not read whether live probes are on: ${settings.error.message}`, settingsLink: false };
  if (!settings.data) return { text: 'Reading the settings…', settingsLink: false };
  if (!settings.data.probesEnabled)
    return {
      text: "Live probes are off: they use the engine's exec endpoints, so an admin turns them on under Users → Settings.",
      settingsLink: can(role, 'updateSettings'),
    };
  return null;
}
