import { useRoleHere } from '../auth/use-role-here';
import { useSettings } from '../settings/settings-query';
import { probeRefusal, type ProbeRefusal } from './probe-refusal';

/** Why "Check live" cannot run for this user now, or null when it can (probe-refusal.ts). */
export function useProbeRefusal(): ProbeRefusal | null {
  const role = useRoleHere();
  const { data, error } = useSettings();
  return probeRefusal(role, { data, error });
}
