import { useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'bridgeboard.theme';

function initialTheme(): Theme {
  const saved = localStorage.getItem(KEY);
  if (saved === 'light' || saved === 'dark') return saved;
  return window.matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/*
 * One theme for the whole tab, outside React state: the header of every page toggles it and the
 * board reads it, without a provider. The class on <html> drives Tailwind's dark variant.
 */
let theme: Theme = initialTheme();
const listeners = new Set<() => void>();
document.documentElement.classList.toggle('dark', theme === 'dark');

function toggle(): void {
  theme = theme === 'dark' ? 'light' : 'dark';
  document.documentElement.classList.toggle('dark', theme === 'dark');
  localStorage.setItem(KEY, theme);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Light or dark, remembered per browser. */
export function useTheme(): [Theme, () => void] {
  return [useSyncExternalStore(subscribe, () => theme), toggle];
}
