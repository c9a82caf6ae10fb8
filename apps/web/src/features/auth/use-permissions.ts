import { useMemo } from 'react';
import { useEngineId } from '../engines/engine-selection';
import { useSession } from './session-context';
import { permissionsFor, type Permissions } from './permissions';

/**
 * What the UI offers the signed-in user on the engine the page shows, by the server's own
 * declaration of each operation (permissions.ts) and with the user's grants, as the server counts them.
 */
export function usePermissions(): Permissions {
  const { user } = useSession();
  const engine = useEngineId();
  return useMemo(() => permissionsFor(user, engine), [user, engine]);
}
