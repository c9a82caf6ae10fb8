import type { AddressPolicy, NetworkEditPlan } from '@bridgeboard/topology';
import { AddressChoice } from './address-choice';
import { CodeText } from './code-text';
import { PlanCommands } from './plan-commands';
import { PlanEndpoints } from './plan-endpoints';
import { changeRows, offersAddressChoice } from './plan-rows';

export interface PlanReviewProps {
  plan: NetworkEditPlan;
  addresses: AddressPolicy;
  onAddresses: (v: AddressPolicy) => void;
  /** A new plan is on its way (the address policy changed). */
  replanning: boolean;
}

const BOX = 'rounded-md border p-3 text-sm';

const RESOLUTION: Record<NetworkEditPlan['unkept'][number]['resolution'], string> = {
  mapped: 'moved, as chosen',
  refused: 'refused',
  changes: 'changes',
};

/**
 * What Apply will do, in the order a careful reader wants it: what cannot run, what changes, who
 * loses connectivity, every endpoint and how it is kept, what is not kept, then the commands.
 */
export function PlanReview({ plan, addresses, onAddresses, replanning }: PlanReviewProps) {
  const changes = changeRows(plan);
  const cautions = [
    // A refused one is among the refusals above, with its reason.
    ...plan.unkept
      .filter((u) => u.resolution !== 'refused')
      .map((u) => `${u.container ? `${u.container}: ` : ''}${u.what} (${RESOLUTION[u.resolution]})`),
    ...plan.warnings,
  ];
  return (
    <div data-testid="edit-plan" data-refused={plan.refusals.length > 0 || undefined} className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Docker cannot change a network in place. Apply disconnects every container, removes{' '}
        <span className="font-mono">{plan.network}</span>, makes it again as asked and connects each container back with what it had, then
        checks each one against this plan. If a step fails or anything differs, everything is put back as it was.
      </p>
      {plan.refusals.length > 0 && (
        <div
          role="alert"
          className={`${BOX} border-rose-300 bg-rose-50 text-rose-900 dark:border-rose-800 dark:bg-rose-950/50 dark:text-rose-100`}
        >
          <p className="mb-1 font-semibold">This plan cannot run: nothing will be changed</p>
          <ul className="list-disc space-y-1 pl-5">
            {plan.refusals.map((r, i) => (
              <li key={i}>
                {(r.container ?? r.field) && (
                  <span className="font-mono font-semibold">{[r.container, r.field].filter(Boolean).join(' · ')}: </span>
                )}
                <CodeText text={r.reason} />
              </li>
            ))}
          </ul>
        </div>
      )}
      {offersAddressChoice(plan, addresses) && <AddressChoice value={addresses} onChange={onAddresses} disabled={replanning} />}

      <section>
        <h3 className="mb-1 text-sm font-semibold">What changes</h3>
        {changes.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing: the form is as the network is.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="edit-changes">
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {changes.map((c) => (
                <tr key={c.field} title={c.field}>
                  <th className="w-1/3 py-1 pr-2 font-medium">{c.label}</th>
                  <td className="py-1 font-mono text-xs">
                    <span className="text-slate-500">{c.from}</span>
                    <span aria-label="becomes" className="mx-2 text-slate-400">
                      →
                    </span>
                    <span className="font-semibold">{c.to}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {plan.connectivity && (
        <p
          data-testid="edit-connectivity"
          className={`${BOX} border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-800 dark:bg-sky-950/40 dark:text-sky-100`}
        >
          <span className="font-semibold">Connectivity: </span>
          <CodeText text={plan.connectivity} />
        </p>
      )}

      <section>
        <h3 className="mb-1 text-sm font-semibold">Endpoints, before → after</h3>
        <PlanEndpoints plan={plan} />
      </section>

      {cautions.length > 0 && (
        <div
          data-plan-warnings
          className={`${BOX} border-amber-400 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/50 dark:text-amber-100`}
        >
          <p className="mb-1 font-semibold">Not kept as it is, and other cautions</p>
          <ul className="list-disc space-y-1 pl-5">
            {cautions.map((w, i) => (
              <li key={i}>
                <CodeText text={w} />
              </li>
            ))}
          </ul>
        </div>
      )}

      <PlanCommands commands={plan.commands} />
    </div>
  );
}
