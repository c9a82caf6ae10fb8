import type { InputHTMLAttributes } from 'react';
import { controlOf, FieldFrame, type FieldFrameProps } from './field-frame';

/** A labelled input with its error under it; the error is tied to the input for screen readers. */
export function Field({ label, error, hint, id, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldFrameProps) {
  const { border, ...tie } = controlOf(id, error);
  return (
    <FieldFrame label={label} id={id} error={error} hint={hint}>
      <input
        {...tie}
        {...input}
        className={`mt-1 block w-full rounded-md border bg-white px-2 py-1 font-mono text-sm dark:bg-slate-800 ${border}`}
      />
    </FieldFrame>
  );
}
