import { Button } from '../../components/ui/button';
import { useSession } from './session-context';
import { useRoleHere } from './use-role-here';
import { useSignOut } from './use-sign-out';

/** Who is signed in, as what, and the way out. */
export function UserBadge() {
  const { user } = useSession();
  const here = useRoleHere();
  const signOut = useSignOut();
  return (
    <div className="flex items-center gap-2 text-sm" data-user={user.username} data-user-role={here}>
      <span>
        <span className="font-medium">{user.username}</span>{' '}
        <span
          className="text-xs text-slate-500 dark:text-slate-400"
          title={here === user.role ? undefined : `${user.role} on other engines`}
        >
          {here === user.role ? user.role : `${here} here`}
        </span>
      </span>
      <Button onClick={() => signOut.mutate()} disabled={signOut.isPending}>
        Sign out
      </Button>
    </div>
  );
}
