import type { ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { Button } from '../components/ui/button';
import { useSession } from '../features/auth/session-context';
import { usePermissions } from '../features/auth/use-permissions';
import { UserBadge } from '../features/auth/user-badge';
import { engineSearch, useEngineId } from '../features/engines/engine-selection';
import { EngineSwitcher } from '../features/engines/engine-switcher';
import { useEngines } from '../features/engines/engines-query';
import { PresenceAvatars } from '../features/presence/presence-avatars';
import { useInSwarm } from '../features/swarm/use-in-swarm';
import { useTheme } from '../features/theme/use-theme';
import { useLinkStatus } from '../features/topology/link-status';

const navClass = ({ isActive }: { isActive: boolean }) =>
  `rounded-md px-2 py-1 text-sm font-medium ${isActive ? 'bg-slate-200 text-slate-900 dark:bg-slate-700 dark:text-white' : 'text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`;

/** The bar on every page: where you are, whether it is live, who else is here, who you are. `children`: the page's own tools. */
export function Header({ children }: { children?: ReactNode }) {
  const link = useLinkStatus();
  const live = link.socket === 'connected' && link.engine?.reachable;
  const [theme, toggleTheme] = useTheme();
  const { user } = useSession();
  const { manageUsers, manageGrants } = usePermissions();
  // The board's deep links (/networks/x, /containers/y) are the board too.
  const onBoard = /^\/($|networks\/|containers\/)/.test(useLocation().pathname);
  const engine = useEngineId();
  // Only a swarm node has a swarm to show; the address keeps the engine, as the board's links do.
  const inSwarm = useInSwarm();
  // One engine is already all engines: the page is offered once there is a fleet.
  const fleet = (useEngines().data?.length ?? 0) >= 2;
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-lg font-bold tracking-tight">
        Bridge<span className="text-sky-600">board</span>
      </h1>
      <nav aria-label="Pages" className="flex gap-1">
        <NavLink to="/" className={navClass({ isActive: onBoard })}>
          Board
        </NavLink>
        {fleet && (
          <NavLink to="/fleet" className={navClass}>
            All engines
          </NavLink>
        )}
        <NavLink to="/reachability" className={navClass}>
          Reachability
        </NavLink>
        <NavLink to="/exposure" className={navClass}>
          Exposure
        </NavLink>
        {inSwarm && (
          <NavLink to={`/swarm${engineSearch(engine)}`} className={navClass}>
            Swarm
          </NavLink>
        )}
        <NavLink to="/activity" className={navClass}>
          Activity
        </NavLink>
        <NavLink to="/engines" className={navClass}>
          Engines
        </NavLink>
        {manageUsers && (
          <NavLink to="/users" className={navClass}>
            Users
          </NavLink>
        )}
        {manageGrants && (
          <NavLink to="/rights" className={navClass}>
            Rights
          </NavLink>
        )}
      </nav>
      <EngineSwitcher />
      <span
        className={`flex items-center gap-1 text-xs whitespace-nowrap ${live ? 'text-emerald-600' : 'text-amber-600'}`}
        data-live={live ? 'yes' : 'no'}
      >
        <span className={`inline-block h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-amber-500'}`} />
        {live ? `live · Docker ${link.engine?.version ?? ''}` : 'not live'}
      </span>
      <div className="ml-auto flex items-center gap-3">
        {children}
        <PresenceAvatars me={user.username} />
        <UserBadge />
        <Button onClick={toggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </Button>
      </div>
    </header>
  );
}
