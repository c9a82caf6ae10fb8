import type { SelectHTMLAttributes } from 'react';
import { SelectField } from '../../components/ui/select-field';

/**
 * A SelectField that carries its error under it, tied to it for screen readers: the grant form's
 * subject and engine come from lists, and the server may still refuse what was picked.
 */
export function Picker({
  error,
  id,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}) {
  return (
    <div>
      <SelectField id={id} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...select} />
      {error && (
        <p id={`${id}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </p>
      )}
    </div>
  );
}
