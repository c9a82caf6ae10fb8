import { MARK_LABEL, MARK_SHORT, MARK_TONE, type ReachMark } from './reach-mark';

const MARKS: ReachMark[] = ['name', 'ip', 'link', 'none'];

/** What N, IP, L and – mean, in the article's terms. */
export function MatrixKey() {
  return (
    <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600 dark:text-slate-300" aria-label="Key">
      {MARKS.map((m) => (
        <li key={m} className="flex items-center gap-1">
          <span className={`inline-block w-7 rounded py-0.5 text-center font-mono font-semibold ${MARK_TONE[m]}`}>{MARK_SHORT[m]}</span>
          {MARK_LABEL[m]}
          {m === 'name' && ' (a user-defined network’s DNS)'}
          {m === 'link' && ' (legacy, one way, default bridge)'}
          {m === 'ip' && ' (e.g. the default bridge: no DNS)'}
        </li>
      ))}
    </ul>
  );
}
