import { useEffect, useSyncExternalStore } from 'react';
import type { ToasterProps } from 'sonner';
import { loadedSonner, loadSonner, subscribeSonner } from '../../lib/toast';

/**
 * sonner's Toaster, drawn once sonner's code has come: with the first toast (lib/toast.ts) or when
 * the browser first idles after the app's first paint, whichever is sooner. Until then there is no
 * toast to draw. Idle, so that its fetch goes after the session check and the page's own code.
 */
export function Toaster(props: ToasterProps) {
  const sonner = useSyncExternalStore(subscribeSonner, loadedSonner);
  useEffect(() => {
    const load = () => void loadSonner().catch(console.error);
    // Safari has no requestIdleCallback: https://developer.mozilla.org/docs/Web/API/Window/requestIdleCallback#browser_compatibility
    if (typeof requestIdleCallback !== 'function') {
      const timer = setTimeout(load, 1_000);
      return () => clearTimeout(timer);
    }
    const idle = requestIdleCallback(load, { timeout: 5_000 });
    return () => cancelIdleCallback(idle);
  }, []);
  return sonner ? <sonner.Toaster {...props} /> : null;
}
