import { Header } from './header';

/**
 * In place of a page whose code is still loading: the header (part of the app's entry) where
 * every page has it, so nothing jumps when the page arrives, and a line that only fades in after
 * 300 ms (a page from the cache comes sooner, and then nothing flashes).
 */
export function PageLoading() {
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 p-4" aria-busy="true">
        <p role="status" className="text-slate-500 transition-opacity delay-300 duration-300 starting:opacity-0">
          Loading the page…
        </p>
      </main>
    </div>
  );
}
