import { useMemo, useState } from 'react';
import type { MigrationBody } from '@bridgeboard/contract';
import { Button } from '../../components/ui/button';
import { Field } from '../../components/ui/field';
import { ApiError } from '../../lib/api';
import { useSession } from '../auth/session-context';
import { usePermissions } from '../auth/use-permissions';
import { useTopology } from '../topology/topology-query';
import { ContainerPicker } from './container-picker';
import { migrationCandidates } from './default-bridge-containers';
import { MigrationProgressView, type Outcome } from './migration-progress';
import { PlanPreview } from './plan-preview';
import { useApplyMigration } from './use-apply-migration';
import { useDebouncedValue } from './use-debounced-value';
import { useMigrationPlan } from './use-migration-plan';
import { useMigrationProgress } from './use-migration-progress';

const PLAN_DELAY_MS = 300;

/**
 * Pick, read the plan, apply, watch. The plan is the server's, re-asked as the choices change
 * (debounced); name and subnet start as the plan's proposal and become the user's once typed in.
 */
export function MigrationAssistant({ initial, onClose }: { initial: string[]; onClose: () => void }) {
  const me = useSession().user.username;
  const canApply = usePermissions().connect;
  const { data: topology } = useTopology();
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(initial));
  const [includeLinked, setIncludeLinked] = useState(false);
  const [name, setName] = useState<string | null>(null);
  const [subnet, setSubnet] = useState<string | null>(null);
  const [disconnect, setDisconnect] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const apply = useApplyMigration();
  const progress = useMigrationProgress(me);

  const candidates = useMemo(() => (topology ? migrationCandidates(topology, initial) : []), [topology, initial]);
  const body: MigrationBody | null =
    selected.size === 0
      ? null
      : {
          containers: [...selected].sort(),
          includeLinked,
          disconnectFromDefault: disconnect,
          ...(name?.trim() ? { networkName: name.trim() } : {}),
          ...(subnet?.trim() ? { subnet: subnet.trim() } : {}),
        };
  const asked = useDebouncedValue({ body, rev: topology?.rev ?? 0 }, PLAN_DELAY_MS);
  const plan = useMigrationPlan(asked.body, asked.rev);
  const current = JSON.stringify(asked.body) === JSON.stringify(body) && !plan.isFetching && !plan.isPlaceholderData && !plan.isError;
  const ready = body !== null && current && plan.data !== undefined && plan.data.refusals.length === 0 && plan.data.steps.length > 0;

  const toggle = (n: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(n)) next.add(n);
      return next;
    });

  const run = () => {
    if (!ready) return;
    progress.watch(plan.data.commands);
    setOutcome({ kind: 'running' });
    // The commands the user read: the server refuses if the topology changed the plan meanwhile.
    apply.mutate(
      { ...body, expectCommands: plan.data.commands },
      {
        onSuccess: (result) => {
          progress.settle(result.id);
          setOutcome({ kind: 'success', network: result.plan.network?.name ?? null });
        },
        onError: (err) => {
          progress.settle(null);
          setOutcome({ kind: 'failure', message: err instanceof ApiError ? err.message : `Could not reach the server: ${err.message}` });
        },
      },
    );
  };

  if (outcome) {
    return (
      <div className="space-y-4" data-migration="applying">
        <MigrationProgressView rows={progress.rows} outcome={outcome} onDone={onClose} />
        <div className="flex justify-end">
          <Button onClick={onClose} disabled={outcome.kind === 'running'}>
            Close
          </Button>
        </div>
      </div>
    );
  }

  const shown = plan.data;
  const alsoMoved = shown ? shown.containers.filter((c) => !selected.has(c)) : [];
  return (
    <div className="space-y-4" data-migration="planning">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        On the default bridge containers find each other by IP only, or by legacy <code>--link</code>. A user-defined bridge gives them DNS
        by name; the plan keeps every <code>--link</code> name working there as a network alias.
      </p>
      <ContainerPicker
        candidates={candidates}
        selected={selected}
        onToggle={toggle}
        refusals={shown?.refusals ?? []}
        alsoMoved={alsoMoved}
      />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={includeLinked} onChange={(e) => setIncludeLinked(e.target.checked)} />
        Include linked containers (everything linked to or from the selection)
      </label>
      <div className="grid grid-cols-2 gap-3">
        <Field
          id="migration-network-name"
          label="Network name"
          value={name ?? shown?.network?.name ?? ''}
          placeholder={shown?.network?.name ?? 'proposed by the plan'}
          onChange={(e) => setName(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <Field
          id="migration-subnet"
          label="Subnet"
          value={subnet ?? shown?.network?.subnet ?? ''}
          placeholder={shown?.network?.subnet ?? 'a free /24'}
          onChange={(e) => setSubnet(e.target.value)}
          hint={shown?.network ? `gateway ${shown.network.gateway}` : undefined}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div className="text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" checked={disconnect} onChange={(e) => setDisconnect(e.target.checked)} />
          Also disconnect them from the default bridge
        </label>
        {disconnect && (
          <p className="ml-6 mt-1 text-xs text-amber-700 dark:text-amber-400">
            Their IP-only reach over the default bridge ends, and <code>--link</code> names break until the containers are re-created
            without <code>--link</code> (see the warnings below).
          </p>
        )}
      </div>
      {body === null && <p className="text-sm text-slate-500">Pick at least one container.</p>}
      {plan.isError && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          Could not plan: {plan.error.message}
        </p>
      )}
      {body !== null && shown && <PlanPreview plan={shown} />}
      <div className="flex items-center justify-end gap-2">
        <span role="status" className="mr-auto text-xs text-slate-500">
          {body !== null && !current && !plan.isError ? 'Planning…' : ''}
        </span>
        <Button onClick={onClose}>Cancel</Button>
        {canApply ? (
          <Button tone="primary" onClick={run} disabled={!ready}>
            Apply
          </Button>
        ) : (
          <span className="text-xs text-slate-500">Applying needs the operator role.</span>
        )}
      </div>
    </div>
  );
}
