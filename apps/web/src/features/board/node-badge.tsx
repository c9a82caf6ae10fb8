/**
 * A swarm node: the one a chip runs on (`data-node`, for tests), or one a bridge spans
 * (`data-span-node`, so that a chip's badge is found alone).
 */
export function NodeBadge({ node, self = false, span = false }: { node: string; self?: boolean; span?: boolean }) {
  return (
    <span
      data-node={span ? undefined : node}
      data-span-node={span ? node : undefined}
      title={
        span
          ? `spans swarm node ${node}${self ? ' (this engine)' : ''}`
          : self
            ? `runs on ${node}, this engine`
            : `runs on swarm node ${node}`
      }
      className={[
        'inline-flex max-w-full items-center gap-0.5 truncate rounded px-1 font-mono text-[10px] font-semibold ring-1',
        self
          ? 'bg-slate-100 text-slate-700 ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600'
          : 'bg-violet-100 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700',
      ].join(' ')}
    >
      <span aria-hidden>⬢</span>
      {node}
    </span>
  );
}
