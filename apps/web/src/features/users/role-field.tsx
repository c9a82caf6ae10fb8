import type { Role } from '@bridgeboard/contract';
import { SelectField } from '../../components/ui/select-field';
import { ROLE_HINT, ROLE_OPTIONS } from './role-options';

/** The role picker of the forms that make a user or a token, with what each role may do. */
export function RoleField({ id, role, onChange }: { id: string; role: Role; onChange: (role: Role) => void }) {
  return (
    <>
      <SelectField id={id} label="Role" value={role} options={ROLE_OPTIONS} onChange={(e) => onChange(e.target.value as Role)} />
      <p className="text-xs text-slate-500">{ROLE_HINT}</p>
    </>
  );
}
