import { useState } from 'react';
import type { Grant } from '@bridgeboard/contract';
import { GrantsTable } from './grants-table';
import { Picker } from './picker';

/** Pick a provider group: the grants that name it. Groups are the provider's, so the ones listed are those some grant names. */
export function GroupGrants({ grants }: { grants: readonly Grant[] }) {
  const groups = [...new Set(grants.filter((g) => g.subject.kind === 'group').map((g) => g.subject.name))].sort();
  const [picked, setPicked] = useState('');
  const group = groups.includes(picked) ? picked : '';
  if (groups.length === 0) return <p className="text-sm text-slate-500">No grant names a group yet.</p>;
  return (
    <div className="space-y-3">
      <div className="max-w-xs">
        <Picker
          id="rights-group"
          label="Group"
          value={group}
          options={[{ value: '', label: '— pick a group —' }, ...groups.map((g) => ({ value: g, label: g }))]}
          onChange={(e) => setPicked(e.target.value)}
        />
      </div>
      {group !== '' && (
        <GrantsTable
          label={`Grants of group ${group}`}
          grants={grants.filter((g) => g.subject.kind === 'group' && g.subject.name === group)}
        />
      )}
    </div>
  );
}
