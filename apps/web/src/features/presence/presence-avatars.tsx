import type { Role } from '@bridgeboard/contract';
import { initials } from './initials';
import { usePresence } from './presence-query';

const ROLE_TONE: Record<Role, string> = {
  viewer: 'bg-slate-500',
  operator: 'bg-sky-600',
  admin: 'bg-violet-600',
};

/** Everyone else with Bridgeboard open, so two operators know they are not alone. */
export function PresenceAvatars({ me }: { me: string }) {
  const { data: users } = usePresence();
  const others = users.filter((u) => u.username !== me);
  if (others.length === 0) return null;
  return (
    <ul className="flex -space-x-1.5" aria-label="Also here">
      {others.map((u) => {
        const label = `${u.username} (${u.role})${u.sockets > 1 ? ` · ${u.sockets} tabs` : ''}`;
        return (
          <li
            key={u.username}
            data-presence={u.username}
            title={label}
            aria-label={label}
            className={`flex h-7 w-7 items-center justify-center rounded-full text-[11px] font-bold text-white ring-2 ring-white dark:ring-slate-900 ${ROLE_TONE[u.role]}`}
          >
            {initials(u.username)}
          </li>
        );
      })}
    </ul>
  );
}
