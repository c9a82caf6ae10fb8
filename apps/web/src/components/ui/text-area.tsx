import type { TextareaHTMLAttributes } from 'react';

/** A labelled multi-line input (PEM text, say) with its error under it, tied to it for screen readers. */
export function TextArea({
  label,
  error,
  hint,
  id,
  ...area
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { label: string; id: string; error?: string | undefined; hint?: string }) {
  return (
    <label htmlFor={id} className="block text-sm">
      <span className="font-medium">{label}</span>
      <textarea
        id={id}
        rows={3}
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        {...area}
        className={`mt-1 block w-full rounded-md border bg-white px-2 py-1 font-mono text-xs dark:bg-slate-800 ${error ? 'border-rose-500' : 'border-slate-300 dark:border-slate-600'}`}
      />
      {hint && !error && <span className="text-xs text-slate-500">{hint}</span>}
      {error && (
        <span id={`${id}-error`} role="alert" className="text-xs text-rose-600 dark:text-rose-400">
          {error}
        </span>
      )}
    </label>
  );
}
