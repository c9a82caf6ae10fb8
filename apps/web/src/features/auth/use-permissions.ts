import { useMemo } from 'react';
import { useSession } from './session-context';
import { permissionsOf, type Permissions } from './permissions';

/** What the UI offers the signed-in user, by the server's own declaration of each operation (permissions.ts). */
export function usePermissions(): Permissions {
  const role = useSession().user.role;
  return useMemo(() => permissionsOf(role), [role]);
}
