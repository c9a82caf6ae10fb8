import { Link } from 'react-router';
import { engineSearch, useEngineId } from '../engines/engine-selection';

/** A container or network by name, linking to its place on the board (the deep links select and reveal it). */
export function ObjectLink({ kind, name }: { kind: 'container' | 'network'; name: string }) {
  const engine = useEngineId();
  return (
    <Link
      to={`/${kind === 'container' ? 'containers' : 'networks'}/${encodeURIComponent(name)}${engineSearch(engine)}`}
      className="font-mono text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
    >
      {name}
    </Link>
  );
}
