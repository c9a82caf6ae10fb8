import type { InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../../components/ui/field';

/*
 * Each control's accessible name is its label alone (`aria-label`, or a sibling <label>): the hint
 * and the error are tied to it with aria-describedby, so they are announced without renaming it.
 */

export const CONTROL =
  'mt-1 block w-full rounded-md border bg-white px-2 py-1 text-sm text-slate-900 dark:bg-slate-800 dark:text-slate-100';
export const BORDER = 'border-slate-300 dark:border-slate-600';
export const LABEL = 'block text-sm font-medium';

function describedBy(id: string, hint: string | undefined, error: string | undefined): string | undefined {
  if (error) return `${id}-error`;
  return hint ? `${id}-hint` : undefined;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={id} className="mt-0.5 text-xs leading-snug text-slate-500 dark:text-slate-400">
      {children}
    </p>
  );
}

function ErrorText({ id, children }: { id: string; children: string }) {
  return (
    <span id={`${id}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
      {children}
    </span>
  );
}

/** The shared Field, with a hint under it that does not become part of its name. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> & { id: string; label: string; hint?: string; error?: string | undefined }) {
  return (
    <div>
      <Field id={id} label={label} error={error} aria-label={label} aria-describedby={describedBy(id, hint, error)} {...input} />
      {hint && !error && <Hint id={`${id}-hint`}>{hint}</Hint>}
    </div>
  );
}

/** Multi-line `key=value` input. */
export function LinesField({
  id,
  label,
  value,
  onChange,
  placeholder,
  hint,
  error,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  hint?: string;
  error?: string | undefined;
}) {
  return (
    <div>
      <label htmlFor={id} className={LABEL}>
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        className={`${CONTROL} resize-y font-mono ${error ? 'border-rose-500' : BORDER}`}
      />
      {error ? <ErrorText id={id}>{error}</ErrorText> : hint && <Hint id={`${id}-hint`}>{hint}</Hint>}
    </div>
  );
}
