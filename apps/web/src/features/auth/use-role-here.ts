import { roleOn, type EngineRole } from '@bridgeboard/contract';
import { useEngineId } from '../engines/engine-selection';
import { useSession } from './session-context';

/** The signed-in user's role on the engine the page shows (their default role unless an admin gave them another there). */
export function useRoleHere(): EngineRole {
  return roleOn(useSession().user, useEngineId());
}
