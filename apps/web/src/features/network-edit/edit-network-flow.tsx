import { useMemo, useState } from 'react';
import { createBodyOfNetwork, type NetworkCreateBody } from '@bridgeboard/contract';
import type { AddressPolicy, Network, NetworkEditPlan } from '@bridgeboard/topology';
import { ApiError } from '../../lib/api';
import { useSession } from '../auth/session-context';
import { useEngineId } from '../engines/engine-selection';
import { bodyToForm } from '../networks/body-to-form';
import type { NetworkForm } from '../networks/network-form';
import { NetworkFormEditor } from '../networks/network-form-editor';
import { serverMessage } from '../networks/server-message';
import { editBodyOf } from './edit-body';
import type { EditOutcome } from './edit-outcome';
import { EditStages, type Stage } from './edit-stages';
import { ApplyStage } from './apply-stage';
import { PlanStage } from './plan-stage';
import { useApplyNetworkEdit, NetworkEditFailed } from './use-apply-network-edit';
import { useNetworkEditProgress } from './use-network-edit-progress';
import { usePlanNetworkEdit } from './use-plan-network-edit';

export interface EditNetworkFlowProps {
  /** The network as it was when the dialog opened: it is removed and made again while the edit runs. */
  network: Network;
  mayApply: boolean;
  onClose: () => void;
  onShow: ((name: string) => void) | null;
}

/**
 * Edit a network in three steps: the New-network form filled in from it, the server's plan to read,
 * then the apply with its steps live and the outcome. The plan is asked only when the user asks
 * (submit, the address choice, "Review the new plan"), so what Apply sends is what was read.
 */
export function EditNetworkFlow({ network, mayApply, onClose, onShow }: EditNetworkFlowProps) {
  const engine = useEngineId();
  const user = useSession().user.username;
  const original = useMemo(() => createBodyOfNetwork(network), [network]);
  const [form, setForm] = useState<NetworkForm>(() => bodyToForm(original));
  const [edit, setEdit] = useState<NetworkCreateBody | null>(null);
  const [addresses, setAddresses] = useState<AddressPolicy>('refuse');
  const [stage, setStage] = useState<Stage>('form');
  const [plan, setPlan] = useState<NetworkEditPlan | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [planError, setPlanError] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<EditOutcome>({ kind: 'running' });
  const planning = usePlanNetworkEdit(network.id);
  const applying = useApplyNetworkEdit(network.id);
  const progress = useNetworkEditProgress({ engine, user, network: network.name });

  const askPlan = (body: NetworkCreateBody, policy: AddressPolicy, from: Stage) => {
    setFormError(null);
    setPlanError(null);
    planning.mutate(
      { network: body, addresses: policy },
      {
        onSuccess: (p) => {
          setPlan(p);
          setStage('plan');
        },
        onError: (err) => {
          if (from === 'form') setFormError(serverMessage(err));
          else if (from === 'plan') setPlanError(serverMessage(err));
          else setOutcome({ kind: 'error', message: serverMessage(err) });
        },
      },
    );
  };

  const apply = () => {
    if (!plan || !edit) return;
    progress.watch(plan.commands);
    setOutcome({ kind: 'running' });
    setStage('apply');
    applying.mutate(
      { body: { network: edit, addresses, expectBasis: plan.basis }, name: plan.after.name },
      {
        onSuccess: (report) => {
          progress.settle(report);
          setOutcome(
            report.outcome === 'kept'
              ? { kind: 'kept', report }
              : { kind: report.outcome, report, message: report.reason ?? 'The edit did not hold' },
          );
        },
        onError: (err) => {
          const report = err instanceof NetworkEditFailed ? err.report : null;
          progress.settle(report);
          if (report)
            setOutcome({ kind: report.outcome === 'rollback-failed' ? 'rollback-failed' : 'rolled-back', report, message: err.message });
          else if (err instanceof ApiError && err.statusCode === 409) setOutcome({ kind: 'stale', message: err.message });
          else setOutcome({ kind: 'error', message: serverMessage(err) });
        },
      },
    );
  };

  return (
    <div className="space-y-4">
      <EditStages current={stage} />
      {stage === 'form' && (
        <div className="mx-auto max-w-xl">
          <NetworkFormEditor
            initial={form}
            submitLabel="Review plan"
            pendingText="Asking the engine for a plan…"
            pending={planning.isPending}
            serverError={formError}
            onCancel={onClose}
            onSubmit={(body, f) => {
              const next = editBodyOf(body, original);
              setForm(f);
              setEdit(next);
              askPlan(next, addresses, 'form');
            }}
          />
        </div>
      )}
      {stage === 'plan' && plan && (
        <PlanStage
          plan={plan}
          addresses={addresses}
          onAddresses={(policy) => {
            setAddresses(policy);
            if (edit) askPlan(edit, policy, 'plan');
          }}
          replanning={planning.isPending}
          error={planError}
          mayApply={mayApply}
          onBack={() => setStage('form')}
          onCancel={onClose}
          onApply={apply}
        />
      )}
      {stage === 'apply' && (
        <ApplyStage
          rows={progress.rows}
          outcome={outcome}
          network={plan?.after.name ?? network.name}
          renamed={plan !== null && plan.after.name !== plan.network}
          replanning={planning.isPending}
          onReplan={() => edit && askPlan(edit, addresses, 'apply')}
          onShow={
            onShow &&
            ((name) => {
              onShow(name);
              onClose();
            })
          }
          onClose={onClose}
        />
      )}
    </div>
  );
}
