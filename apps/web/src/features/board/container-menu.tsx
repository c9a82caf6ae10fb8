import { useEffect, useRef } from 'react';
import { connectRefusal, endpointsOfContainer, isStackMode, own, type Topology } from '@bridgeboard/topology';
import type { BoardIntent } from './board-intent';

export interface MenuState {
  containerId: string;
  x: number;
  y: number;
}

/**
 * The menu equivalent of every drag on a container: "Connect to…" each network it may join,
 * "Disconnect from…" each it is on. Opened by right-click or the context-menu key on a chip.
 */
export function ContainerMenu({
  topology: t,
  menu,
  onIntent,
  onClose,
}: {
  topology: Topology;
  menu: MenuState;
  onIntent: (i: BoardIntent) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector('button')?.focus();
    const away = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away);
    return () => window.removeEventListener('mousedown', away);
  }, [onClose]);
  // A patch can take the focused item away (a confirmed connect moves its network from "Connect
  // to…" to "Disconnect from…"), and the focus would fall to the page: keep it in the menu.
  useEffect(() => {
    if (document.activeElement === document.body) ref.current?.querySelector('button')?.focus();
  });
  const c = own(t.containers, menu.containerId);
  if (!c) return null;
  const attached = endpointsOfContainer(t, c.id);
  const joinable = Object.values(t.networks)
    .filter((n) => connectRefusal(t, n, c) === null)
    .sort((a, b) => a.name.localeCompare(b.name));
  const leavable = attached.map((e) => own(t.networks, e.networkId)).filter((n) => n && !isStackMode(n));
  const item =
    'block w-full px-3 py-1 text-left font-mono text-xs hover:bg-sky-100 focus:bg-sky-100 focus:outline-none dark:hover:bg-slate-700 dark:focus:bg-slate-700';
  const run = (intent: BoardIntent) => {
    onIntent(intent);
    onClose();
  };
  return (
    <div
      ref={ref}
      role="menu"
      aria-label={`Actions for ${c.name}`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll('button') ?? [])];
          const at = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(at + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
      style={{ left: menu.x, top: menu.y }}
      className="fixed z-50 min-w-48 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-800"
    >
      <div className="px-3 py-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500">Connect {c.name} to…</div>
      {joinable.length === 0 && <div className="px-3 py-1 text-xs text-slate-500">no network it can join</div>}
      {joinable.map((n) => (
        <button
          key={n.id}
          type="button"
          role="menuitem"
          className={item}
          onClick={() => run({ kind: 'connect', networkId: n.id, containerId: c.id, withOptions: false })}
        >
          {n.name}
        </button>
      ))}
      {leavable.length > 0 && (
        <div className="mt-1 border-t border-slate-200 px-3 py-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-700">
          Disconnect from…
        </div>
      )}
      {leavable.map(
        (n) =>
          n && (
            <button
              key={n.id}
              type="button"
              role="menuitem"
              className={item}
              onClick={() => run({ kind: 'disconnect', networkId: n.id, containerId: c.id })}
            >
              {n.name}
            </button>
          ),
      )}
    </div>
  );
}
