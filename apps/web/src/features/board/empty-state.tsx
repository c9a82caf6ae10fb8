import { DEFAULT_ENGINE_ID } from '@bridgeboard/contract';

/** First minutes: an engine with nothing of the user's on it yet. `npm run demo` builds on the server's own engine only. */
export function EmptyState({ engine }: { engine: string }) {
  return (
    <div
      data-empty-state
      className="pointer-events-none absolute inset-x-0 top-1/3 z-10 mx-auto max-w-lg rounded-lg border border-slate-200 bg-white/95 p-5 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900/95"
    >
      <h2 className="mb-2 text-lg font-semibold">Nothing connected yet</h2>
      <p>
        Each network is drawn as a bridge — like the host's <code className="font-mono">docker0</code> — with its containers hanging from it
        by their veth links, labelled with the address they got there.
      </p>
      {engine !== DEFAULT_ENGINE_ID ? (
        <p className="mt-2">
          Engine <b>{engine}</b> holds only Docker's own networks: create one with <b>New network</b>, or run containers on it with the{' '}
          <code className="font-mono">docker</code> CLI; they appear here as they come.
        </p>
      ) : (
        <p className="mt-2">
          For something real to look at, run <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800">npm run demo</code>: it
          builds a web/db pair on a user-defined bridge, a legacy <code className="font-mono">--link</code> pair on the default bridge, and
          containers in the host, none and container: modes.
        </p>
      )}
    </div>
  );
}
