import { useEffect, useRef, type ReactNode } from 'react';

const WIDTH = {
  // Forms keep a narrow measure.
  narrow: 'w-[min(32rem,92vw)]',
  // Command listings and compose text need room; taller than the screen only by scrolling inside.
  wide: 'max-h-[90vh] w-[min(56rem,94vw)]',
};

/** A modal on the native <dialog>: focus trap, Escape and the top layer come with it. */
export function Dialog({
  open,
  title,
  onClose,
  children,
  size = 'narrow',
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  size?: keyof typeof WIDTH;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // showModal focuses the first control; React's autoFocus sets no attribute it could see.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-label={title}
      className={`m-auto ${WIDTH[size]} rounded-lg bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 dark:bg-slate-900 dark:text-slate-100`}
    >
      {open && (
        <div className="p-5">
          <div className="mb-3 flex items-start justify-between gap-4">
            <h2 className="text-lg font-semibold">{title}</h2>
            {/* Wide dialogs hold long text and no Cancel button of their own. */}
            {size === 'wide' && (
              <button
                type="button"
                className="text-slate-500 hover:text-slate-900 dark:hover:text-white"
                aria-label="Close"
                onClick={onClose}
              >
                ✕
              </button>
            )}
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}
