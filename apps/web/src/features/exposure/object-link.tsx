import { Link } from 'react-router';

/** A container or network by name, linking to its place on the board (the deep links select and reveal it). */
export function ObjectLink({ kind, name }: { kind: 'container' | 'network'; name: string }) {
  return (
    <Link
      to={`/${kind === 'container' ? 'containers' : 'networks'}/${encodeURIComponent(name)}`}
      className="font-mono text-sky-700 underline-offset-2 hover:underline dark:text-sky-400"
    >
      {name}
    </Link>
  );
}
