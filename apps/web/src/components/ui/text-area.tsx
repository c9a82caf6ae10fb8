import type { TextareaHTMLAttributes } from 'react';
import { controlOf, FieldFrame, type FieldFrameProps } from './field-frame';

/** A labelled multi-line input (PEM text, say) with its error under it, tied to it for screen readers. */
export function TextArea({ label, error, hint, id, ...area }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldFrameProps) {
  const { border, ...tie } = controlOf(id, error);
  return (
    <FieldFrame label={label} id={id} error={error} hint={hint}>
      <textarea
        rows={3}
        spellCheck={false}
        {...tie}
        {...area}
        className={`mt-1 block w-full rounded-md border bg-white px-2 py-1 font-mono text-xs dark:bg-slate-800 ${border}`}
      />
    </FieldFrame>
  );
}
