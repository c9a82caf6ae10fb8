import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import type { ReachView } from './reach-from';
import { MARK_TONE } from './reach-mark';

/**
 * The marks of the "reach from" view, and the verdict of the chip in keyboard focus (a mouse
 * reads it in the chip's tooltip). React Flow's node wrapper takes the focus, hence the
 * document-level listener rather than one per chip.
 */
export function ReachLegend({ view, onHide }: { view: ReachView; onHide: () => void }) {
  const [focusedId, setFocusedId] = useState<string | null>(null);
  useEffect(() => {
    const onFocus = (e: FocusEvent) => {
      const node = e.target instanceof Element ? e.target.closest<HTMLElement>('.react-flow__node') : null;
      setFocusedId(node?.dataset.id ?? null);
    };
    document.addEventListener('focusin', onFocus);
    return () => document.removeEventListener('focusin', onFocus);
  }, []);
  const focused = focusedId ? view.chips.get(focusedId) : undefined;
  const counts = { name: 0, ip: 0, link: 0, none: 0 };
  for (const c of view.chips.values()) if (c.mark !== 'self') counts[c.mark] += 1;
  const swatch = (mark: keyof typeof counts) => `mr-1 inline-block rounded px-1 font-semibold ring-1 ring-black/15 ${MARK_TONE[mark]}`;
  return (
    <section
      aria-label="Reachability legend"
      data-reach-legend={view.from}
      className="absolute right-3 top-3 z-10 max-w-sm rounded-md border border-slate-200 bg-white/95 p-2 text-xs shadow dark:border-slate-700 dark:bg-slate-900/95"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="font-semibold">
          Reach from <span className="font-mono">{view.from}</span>
        </h2>
        <button type="button" onClick={onHide} className="text-sky-700 underline dark:text-sky-300">
          Hide
        </button>
      </div>
      <ul className="mt-1 space-y-0.5">
        <li>
          <span className={swatch('name')}>name</span> by name and IP: a shared user-defined network ({counts.name})
        </li>
        <li>
          <span className={swatch('ip')}>IP only</span> no name answers, e.g. only the default bridge shared ({counts.ip})
        </li>
        <li>
          <span className={swatch('link')}>link</span> a legacy <code>--link</code> name, this direction only ({counts.link})
        </li>
        <li>
          <span className="mr-1 inline-block rounded px-1 opacity-30 ring-1 ring-slate-400">dimmed</span> not reachable ({counts.none}); so
          are bridges and links no path uses
        </li>
      </ul>
      <p className="mt-1 text-slate-600 dark:text-slate-300" data-focused-reach aria-live="polite">
        {focused && focused.mark !== 'self' ? focused.explanation : 'Hover over a chip, or focus it, to read why.'}
      </p>
      <Link to="/reachability" className="text-sky-700 underline dark:text-sky-300">
        All pairs in a matrix
      </Link>
    </section>
  );
}
