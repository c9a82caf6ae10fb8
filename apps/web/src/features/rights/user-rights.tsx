import { useState } from 'react';
import { describeScope, type Rights } from '@bridgeboard/contract';
import { UserPicker } from './user-picker';
import { useUserRights } from './use-user-rights';

const cell = 'px-2 py-1.5 align-top';

function RightsView({ rights: r }: { rights: Rights }) {
  return (
    <div className="space-y-3" data-rights-of={r.username}>
      <p className="text-sm">
        <b>{r.username}</b>: own role <b>{r.role}</b>
        {r.groups.length > 0 ? `, in groups ${r.groups.join(', ')}` : ', in no provider group'}. Users, tokens and settings:{' '}
        <b>{r.defaultRole}</b> <span className="text-slate-500">({r.defaultAllowedBy})</span>.
      </p>
      <table className="w-full border-collapse text-left text-sm" aria-label={`Rights of ${r.username}`}>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr className="border-b border-slate-200 dark:border-slate-700">
            <th className={cell}>Engine</th>
            <th className={cell}>Role</th>
            <th className={cell}>Given by</th>
            <th className={cell}>Networks where a grant gives more</th>
          </tr>
        </thead>
        <tbody>
          {r.engines.map((e) => (
            <tr key={e.engine} data-rights-engine={e.engine} className="border-b border-slate-100 dark:border-slate-800">
              <td className={`${cell} font-mono`}>{e.engine}</td>
              <td className={`${cell} font-medium`}>{e.role === 'none' ? 'no access' : e.role}</td>
              <td className={`${cell} text-xs text-slate-500`}>{e.allowedBy}</td>
              <td className={cell}>
                {e.networks.length === 0 ? (
                  <span className="text-xs text-slate-500">none</span>
                ) : (
                  <ul className="space-y-1">
                    {e.networks.map((n) => (
                      <li key={n.network} data-rights-network={n.network}>
                        <span className="font-mono">{n.network}</span>: <b>{n.role}</b>
                        <div className="text-xs text-slate-500">{n.allowedBy}</div>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.grants.length > 0 && (
        <div className="text-sm">
          <span className="font-medium">Grants that reach {r.username}:</span>
          <ul className="ml-5 list-disc">
            {r.grants.map((g) => (
              <li key={g.id}>
                {g.role} on {describeScope(g.scope)}, to {g.subject.kind} {g.subject.name}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** Pick a user: what they may do on each engine, what gave it, and where a grant on networks gives more. */
export function UserRights() {
  const [username, setUsername] = useState('');
  const rights = useUserRights(username === '' ? null : username);
  return (
    <div className="space-y-3">
      <div className="max-w-xs">
        <UserPicker id="rights-user" value={username} onChange={setUsername} />
      </div>
      {rights.error && (
        <p role="alert" className="text-rose-600">
          Could not read the rights: {rights.error.message}
        </p>
      )}
      {rights.data && <RightsView rights={rights.data} />}
    </div>
  );
}
