import { roleAtLeast } from '@bridgeboard/contract';
import { useSession } from '../auth/session-context';
import { useSettings } from '../settings/settings-query';

/** Why "Check live" cannot run for this user now, or null when it can. The server checks both again. */
export function useProbeRefusal(): { text: string; settingsLink: boolean } | null {
  const role = useSession().user.role;
  const settings = useSettings();
  if (!roleAtLeast(role, 'operator')) return { text: 'Checking live needs the operator or admin role.', settingsLink: false };
  if (settings.error) return { text: `Could not read whether live probes are on: ${settings.error.message}`, settingsLink: false };
  if (!settings.data) return { text: 'Reading the settings…', settingsLink: false };
  if (!settings.data.probesEnabled)
    return {
      text: "Live probes are off: they use the engine's exec endpoints, so an admin turns them on under Users → Settings.",
      settingsLink: role === 'admin',
    };
  return null;
}
