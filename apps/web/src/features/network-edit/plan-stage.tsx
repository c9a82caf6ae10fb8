import type { AddressPolicy, NetworkEditPlan } from '@bridgeboard/topology';
import { Button } from '../../components/ui/button';
import { PlanReview } from './plan-review';
import { StickyFooter } from './sticky-footer';

/** Why Apply is not offered for this plan, or null when it is. */
function applyBlock(plan: NetworkEditPlan, mayApply: boolean, replanning: boolean): string | null {
  if (!mayApply) return 'Applying needs the operator role on this engine.';
  if (replanning) return 'Planning…';
  if (plan.refusals.length > 0) return 'The plan is refused: change the form or the address choice.';
  if (plan.changes.length === 0 || plan.steps.length === 0) return 'Nothing to apply.';
  return null;
}

/** Step 2: the plan, and the way on (Apply) or back (the form). */
export function PlanStage({
  plan,
  addresses,
  onAddresses,
  replanning,
  error,
  mayApply,
  onBack,
  onCancel,
  onApply,
}: {
  plan: NetworkEditPlan;
  addresses: AddressPolicy;
  onAddresses: (v: AddressPolicy) => void;
  replanning: boolean;
  error: string | null;
  mayApply: boolean;
  onBack: () => void;
  onCancel: () => void;
  onApply: () => void;
}) {
  const block = applyBlock(plan, mayApply, replanning);
  return (
    <>
      {error && (
        <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
          Could not plan: {error}
        </p>
      )}
      <PlanReview plan={plan} addresses={addresses} onAddresses={onAddresses} replanning={replanning} />
      <StickyFooter>
        <Button className="mr-auto" onClick={onBack}>
          ← Back to the form
        </Button>
        {block && (
          <span role="status" id="edit-apply-block" className="text-xs text-slate-500 dark:text-slate-400">
            {block}
          </span>
        )}
        <Button onClick={onCancel}>Cancel</Button>
        <Button tone="primary" onClick={onApply} disabled={block !== null} aria-describedby={block ? 'edit-apply-block' : undefined}>
          Apply
        </Button>
      </StickyFooter>
    </>
  );
}
