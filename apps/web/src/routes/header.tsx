import { Button } from '../components/ui/button';
import type { Theme } from '../features/theme/use-theme';
import { useLinkStatus } from '../features/topology/link-status';

export function Header({
  query,
  onQuery,
  theme,
  onToggleTheme,
  onNewNetwork,
}: {
  query: string;
  onQuery: (q: string) => void;
  theme: Theme;
  onToggleTheme: () => void;
  onNewNetwork: () => void;
}) {
  const { data: link } = useLinkStatus();
  const live = link.socket === 'connected' && link.engine?.reachable;
  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <h1 className="text-lg font-bold tracking-tight">
        Bridge<span className="text-sky-600">board</span>
      </h1>
      <span className={`flex items-center gap-1 text-xs ${live ? 'text-emerald-600' : 'text-amber-600'}`} data-live={live ? 'yes' : 'no'}>
        <span className={`inline-block h-2 w-2 rounded-full ${live ? 'bg-emerald-500' : 'bg-amber-500'}`} />
        {live ? `live · Docker ${link.engine?.version ?? ''}` : 'not live'}
      </span>
      <input
        type="search"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        placeholder="Filter: network, container, label (key=value), compose project"
        aria-label="Filter the board"
        className="ml-auto w-96 max-w-[40vw] rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-800"
      />
      <Button tone="primary" onClick={onNewNetwork}>
        New network
      </Button>
      <Button onClick={onToggleTheme} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
        {theme === 'dark' ? '☀' : '☾'}
      </Button>
    </header>
  );
}
