import type { ReactNode } from 'react';

/**
 * The dialog's buttons, kept in view at the bottom while a long plan scrolls under them (the wide
 * dialog scrolls inside itself). The negative margins reach the dialog's edges over its padding.
 */
export function StickyFooter({ children }: { children: ReactNode }) {
  return (
    <div className="sticky bottom-0 -mx-5 -mb-5 flex items-center justify-end gap-2 border-t border-slate-200 bg-white px-5 py-3 dark:border-slate-700 dark:bg-slate-900">
      {children}
    </div>
  );
}
