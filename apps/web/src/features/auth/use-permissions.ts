import { useMemo } from 'react';
import { useSession } from './me-query';
import { permissionsOf, type Permissions } from './permissions';

export function usePermissions(): Permissions {
  const role = useSession().user.role;
  return useMemo(() => permissionsOf(role), [role]);
}
