import type { SelectHTMLAttributes } from 'react';

/** A labelled <select>. The label is a sibling, not a wrapper: a wrapping label's text would take in every option's. */
export function SelectField({
  label,
  id,
  options,
  className = '',
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & { label: string; id: string; options: readonly { value: string; label: string }[] }) {
  return (
    <div className={`text-sm ${className}`}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <select
        id={id}
        {...select}
        className="mt-1 block w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
