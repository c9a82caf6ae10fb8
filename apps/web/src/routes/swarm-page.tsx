import { useMemo } from 'react';
import { Link } from 'react-router';
import { NodesTable } from '../features/swarm/nodes-table';
import { ServicesList } from '../features/swarm/services-list';
import { nodeRows, serviceRows, swarmStanding } from '../features/swarm/swarm-view';
import { useTopology } from '../features/topology/topology-query';
import { Header } from './header';

/** The swarm as this engine's manager lists it: nodes, services and their tasks. */
export function SwarmPage() {
  const { data: topology, isPending, error } = useTopology();
  const standing = topology ? swarmStanding(topology) : null;
  const nodes = useMemo(() => (topology ? nodeRows(topology) : []), [topology]);
  const services = useMemo(() => (topology ? serviceRows(topology) : []), [topology]);
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="flex-1 overflow-auto p-4" data-page="swarm">
        <div className="mx-auto max-w-6xl space-y-8">
          <h2 className="text-xl font-semibold">Swarm</h2>
          {isPending && (
            <p role="status" className="text-slate-500">
              Loading the engine's swarm…
            </p>
          )}
          {error && (
            <p role="alert" className="text-rose-600">
              Could not load the topology: {error.message}
            </p>
          )}
          {standing === 'none' && (
            <p role="status" data-standing="none" className="text-slate-600 dark:text-slate-300">
              This engine is not part of a swarm.
            </p>
          )}
          {standing === 'worker' && (
            <p
              role="status"
              data-standing="worker"
              className="rounded-md bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
            >
              This engine is a swarm worker: a worker cannot list the swarm's nodes, services and tasks. Add its manager as an engine (
              <Link to="/engines" className="underline">
                Engines
              </Link>
              ) and pick it to see them.
            </p>
          )}
          {standing && standing !== 'none' && (
            <>
              <section aria-label="Nodes" className="space-y-2">
                <h3 className="text-lg font-semibold">Nodes ({nodes.length})</h3>
                <NodesTable nodes={nodes} />
              </section>
              {standing === 'manager' && (
                <section aria-label="Services" className="space-y-2">
                  <h3 className="text-lg font-semibold">Services ({services.length})</h3>
                  <ServicesList services={services} />
                </section>
              )}
            </>
          )}
        </div>
      </main>
    </div>
  );
}
