import { useState } from 'react';
import { Button } from '../components/ui/button';
import { usePermissions } from '../features/auth/use-permissions';
import { ExportDialog } from '../features/export/lazy-dialogs';
import { LintList } from '../features/exposure/lint-list';
import { PortsTable } from '../features/exposure/ports-table';
import { SwarmPortsTable } from '../features/exposure/swarm-ports-table';
import { RemoveNetworkFix } from '../features/exposure/remove-network-fix';
import { useExposure } from '../features/exposure/use-exposure';
import { MigrationDialog } from '../features/migration/lazy-dialogs';
import { Header } from './header';

/** What is published to the outside, and what the article would fix. */
export function ExposurePage() {
  const { data, isPending, error } = useExposure();
  const can = usePermissions();
  const [migrating, setMigrating] = useState<string[] | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  return (
    <div className="flex h-full flex-col">
      <Header>
        <Button onClick={() => setExporting(true)}>Export…</Button>
      </Header>
      <main className="flex-1 overflow-auto p-4" data-page="exposure">
        <div className="mx-auto max-w-6xl space-y-8">
          <h2 className="text-xl font-semibold">Exposure</h2>
          {isPending && (
            <p role="status" className="text-slate-500">
              Loading the engine's networks…
            </p>
          )}
          {error && (
            <p role="alert" className="text-rose-600">
              Could not load the topology: {error.message}
            </p>
          )}
          {data && (
            <>
              <section aria-label="Published ports" className="space-y-2">
                <h3 className="text-lg font-semibold">Published ports ({data.ports.length})</h3>
                <p className="text-sm text-slate-600 dark:text-slate-300">
                  A published port (<code>-p</code>) is reachable through the host; on a shared user-defined bridge the other containers
                  reach every port of it directly, without publishing anything.
                </p>
                <PortsTable ports={data.ports} />
              </section>
              {data.swarmSection && (
                <section aria-label="Swarm services" className="space-y-2">
                  <h3 className="text-lg font-semibold">Swarm services ({data.swarmPorts.length})</h3>
                  <p className="text-sm text-slate-600 dark:text-slate-300">
                    A service's published port goes through the routing mesh (<code>ingress</code>): every node listens on it and forwards
                    to a task wherever one runs; in <code>host</code> mode only the nodes running a task listen.
                  </p>
                  <SwarmPortsTable ports={data.swarmPorts} self={data.self} />
                </section>
              )}
              <section aria-label="Lints" className="space-y-2">
                <h3 className="text-lg font-semibold">Lints ({data.lints.length})</h3>
                <LintList
                  lints={data.lints}
                  onMigrate={can.connect ? setMigrating : null}
                  onRemoveNetwork={can.removeNetwork ? setRemoving : null}
                />
              </section>
            </>
          )}
        </div>
      </main>
      <MigrationDialog open={migrating !== null} containers={migrating ?? []} onClose={() => setMigrating(null)} />
      <RemoveNetworkFix network={removing} onClose={() => setRemoving(null)} />
      <ExportDialog open={exporting} title="Export the topology" onClose={() => setExporting(false)} />
    </div>
  );
}
