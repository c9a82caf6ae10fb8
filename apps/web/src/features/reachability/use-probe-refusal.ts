import { useSession } from '../auth/session-context';
import { useSettings } from '../settings/settings-query';
import { probeRefusal, type ProbeRefusal } from './probe-refusal';

/** Why "Check live" cannot run for this user now, or null when it can (probe-refusal.ts). */
export function useProbeRefusal(): ProbeRefusal | null {
  const role = useSession().user.role;
  const { data, error } = useSettings();
  return probeRefusal(role, { data, error });
}
