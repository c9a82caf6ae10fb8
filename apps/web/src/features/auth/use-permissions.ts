import { useMemo } from 'react';
import { useSession } from './session-context';
import { useRoleHere } from './use-role-here';
import { permissionsOf, type Permissions } from './permissions';

/** What the UI offers the signed-in user on the engine the page shows, by the server's own declaration of each operation (permissions.ts). */
export function usePermissions(): Permissions {
  const { user } = useSession();
  const onEngine = useRoleHere();
  return useMemo(() => permissionsOf(user.role, onEngine), [user.role, onEngine]);
}
