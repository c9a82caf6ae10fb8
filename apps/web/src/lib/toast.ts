import type * as SonnerModule from 'sonner';

/**
 * sonner's `toast`, with sonner's code loaded on first need (issue 13: 34 kB the first paint does
 * not use). A toast asked for before the code has come is made once it has, in the order asked:
 * sonner keeps toasts made before its Toaster subscribes and shows them when it does.
 */
type Sonner = typeof SonnerModule;
type Toast = Sonner['toast'];

let sonner: Sonner | null = null;
let loading: Promise<Sonner> | null = null;
const onLoad = new Set<() => void>();

/** Fetches sonner once: for the first toast, or when the app first idles (components/ui/toaster.tsx). */
export function loadSonner(): Promise<Sonner> {
  loading ??= import('sonner').then(
    (module) => {
      sonner = module;
      for (const listener of onLoad) listener();
      return module;
    },
    (error: unknown) => {
      // The next toast asks again: a lost connection may be back by then.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** For useSyncExternalStore: sonner once loaded, else null. */
export const loadedSonner = (): Sonner | null => sonner;
export function subscribeSonner(listener: () => void): () => void {
  onLoad.add(listener);
  return () => onLoad.delete(listener);
}

const withSonner = (show: (toast: Toast) => void) => {
  if (sonner) show(sonner.toast);
  else loadSonner().then((module) => show(module.toast), console.error);
};

export function toast(...args: Parameters<Toast>): void {
  withSonner((sonnerToast) => sonnerToast(...args));
}
toast.error = (...args: Parameters<Toast['error']>): void => withSonner((sonnerToast) => sonnerToast.error(...args));
