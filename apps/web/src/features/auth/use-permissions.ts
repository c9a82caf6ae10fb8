import { useMemo } from 'react';
import { useSession } from './session-context';
import { permissionsOf, type Permissions } from './permissions';

export function usePermissions(): Permissions {
  const role = useSession().user.role;
  return useMemo(() => permissionsOf(role), [role]);
}
