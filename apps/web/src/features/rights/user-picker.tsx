import { useUsers } from '../users/use-users';
import { Picker } from './picker';

/** The accounts, to pick one; '' until picked. */
export function UserPicker({ id, value, onChange }: { id: string; value: string; onChange: (username: string) => void }) {
  const users = useUsers().data ?? [];
  const options = [{ value: '', label: '— pick a user —' }, ...users.map((u) => ({ value: u.username, label: u.username }))];
  return <Picker id={id} label="User" value={value} options={options} onChange={(e) => onChange(e.target.value)} />;
}
