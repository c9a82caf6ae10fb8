import type { ReactNode } from 'react';

export interface FieldFrameProps {
  label: string;
  id: string;
  error?: string | undefined;
  hint?: string | undefined;
}

/** What every form control shares: its label, and under it the hint or the error (which the control names in aria-describedby). */
export function FieldFrame({ label, id, error, hint, children }: FieldFrameProps & { children: ReactNode }) {
  return (
    <label htmlFor={id} className="block text-sm">
      <span className="font-medium">{label}</span>
      {children}
      {hint && !error && <span className="text-xs text-slate-500">{hint}</span>}
      {error && (
        <span id={`${id}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </span>
      )}
    </label>
  );
}

/** The control's own attributes that tie it to its error, and its border colour. */
export const controlOf = (id: string, error: string | undefined) => ({
  id,
  'aria-invalid': error ? true : undefined,
  'aria-describedby': error ? `${id}-error` : undefined,
  border: error ? 'border-rose-500' : 'border-slate-300 dark:border-slate-600',
});
