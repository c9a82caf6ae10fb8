import type { GrantSubjectKind } from '@bridgeboard/contract';
import { Field } from '../../components/ui/field';
import { useTokens } from '../tokens/use-tokens';
import { useUsers } from '../users/use-users';
import { Picker } from './picker';

/**
 * Who a grant is for: a user or a token picked from their lists (a token by its id), or a provider
 * group typed as the provider sends it (groups are the provider's; Bridgeboard learns them at sign-in).
 */
export function SubjectField({
  kind,
  name,
  error,
  onChange,
}: {
  kind: GrantSubjectKind;
  name: string;
  error: string | undefined;
  onChange: (name: string) => void;
}) {
  const users = useUsers();
  const tokens = useTokens();
  if (kind === 'group')
    return (
      <Field
        id="grant-subject-name"
        label="Group"
        placeholder="/payments"
        hint="as the provider names it"
        autoComplete="off"
        value={name}
        error={error}
        onChange={(e) => onChange(e.target.value)}
      />
    );
  const options =
    kind === 'user'
      ? (users.data ?? []).map((u) => ({ value: u.username, label: `${u.username} (${u.role})` }))
      : (tokens.data ?? []).map((t) => ({ value: t.id, label: `${t.name} (${t.role}, ${t.id})` }));
  return (
    <Picker
      id="grant-subject-name"
      label={kind === 'user' ? 'User' : 'Token'}
      value={name}
      options={[{ value: '', label: `— pick a ${kind} —` }, ...options]}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
