import { useState } from 'react';
import type { EngineSummary } from '@bridgeboard/contract';
import { Button } from '../components/ui/button';
import { usePermissions } from '../features/auth/use-permissions';
import { EngineDialog } from '../features/engines/lazy-dialogs';
import { EnginesTable } from '../features/engines/engines-table';
import { useEngines } from '../features/engines/engines-query';
import { Header } from './header';

/** The fleet's engines for everyone; an admin adds, edits and removes them here. */
export function EnginesPage() {
  const { manageEngines } = usePermissions();
  const engines = useEngines();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<EngineSummary | null>(null);
  return (
    <div className="flex h-full flex-col">
      <Header />
      <main className="min-h-0 flex-1 overflow-y-auto p-4" data-page="engines">
        <div className="mx-auto max-w-5xl space-y-3">
          <div className="flex items-center justify-between">
            <h2 className="text-xl font-semibold">Engines</h2>
            {manageEngines && (
              <Button tone="primary" onClick={() => setAdding(true)}>
                Add engine
              </Button>
            )}
          </div>
          <p className="text-sm text-slate-500">
            Each engine has its own board: pick it in the header. Engines come from the server’s <code>DOCKER_HOST</code>, its engines file
            (<code>ENGINES_FILE</code>), or an admin here; their keys are kept encrypted and never shown again.
          </p>
          {engines.error && (
            <p role="alert" className="text-rose-600">
              Could not load the engines: {engines.error.message}
            </p>
          )}
          {engines.data && <EnginesTable engines={engines.data} canManage={manageEngines} onEdit={setEditing} />}
        </div>
      </main>
      <EngineDialog
        open={adding || editing !== null}
        editing={editing}
        onClose={() => {
          setAdding(false);
          setEditing(null);
        }}
      />
    </div>
  );
}
