import { Header } from './header';

/** Who reaches whom: the matrix for a network or compose project, and the live check. */
export function ReachabilityPage() {
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="flex-1 overflow-auto p-4">
        <h2 className="text-xl font-semibold">Reachability</h2>
      </main>
    </div>
  );
}
