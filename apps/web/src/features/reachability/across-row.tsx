import type { ProbedPair } from '@bridgeboard/contract';
import { NodeBadge } from '../board/node-badge';
import { ObjectLink } from '../exposure/object-link';
import type { AcrossRow as Row } from './across-rows';
import { observedMark, outcomeOf, type ProbeOutcome } from './probe-outcome';
import { MARK_LABEL, MARK_SHORT, MARK_TONE, markOf, seenPhrase } from './reach-mark';

const cell = 'px-3 py-1.5 text-left align-top';
const PROBE_SIGN = { agree: '✓', differ: '✗', none: '?' } as const;
const KIND: Record<Row['kind'], string> = { container: 'container', task: 'service task', service: 'service, virtual IP' };

export interface AcrossRowProps {
  row: Row;
  /** This engine's node: its badge reads "this engine". */
  self: string | null;
  /** The last probe's answer for this pair: undefined before any probe, null when the run did not cover it. */
  probed: ProbedPair | null | undefined;
}

/** What a probe that did not cover this pair says (the topology changed since it ran). */
const NOT_COVERED: ProbeOutcome = {
  mark: 'none',
  text: 'Not probed: this pair was not in the last probe',
  reason: 'this pair was not in the last probe',
};

/** A service VIP that did not answer: say where the prediction can be wrong, not that the service is down. */
const vipSilent = (row: Row, p: ProbedPair | null | undefined) =>
  row.kind === 'service' && p?.observed && p.predicted.byIp && !p.observed.byIp;

/** One target on another node: where it runs, over which overlay, the prediction, and what a probe saw. */
export function AcrossRow({ row, self, probed }: AcrossRowProps) {
  const { pair } = row;
  const mark = markOf(pair);
  const outcome = probed === undefined ? null : probed === null ? NOT_COVERED : outcomeOf(probed);
  const observed = probed === undefined ? undefined : ((probed && observedMark(probed)) ?? 'not-probed');
  return (
    <tr
      data-across={pair.to}
      data-kind={row.kind}
      data-overlay={row.overlay}
      data-verdict={mark}
      data-observed={observed}
      data-probe={outcome?.mark}
      className={`border-b border-slate-100 dark:border-slate-800 ${outcome?.mark === 'differ' ? 'bg-rose-50 dark:bg-rose-950/40' : ''}`}
    >
      <td className={cell}>
        <span className="font-mono font-semibold">{pair.to}</span>
        <span className="block text-xs text-slate-500">
          {KIND[row.kind]}
          {pair.addresses.length > 0 && <span className="font-mono"> · {pair.addresses.join(', ')}</span>}
        </span>
      </td>
      <td className={cell}>
        <span className="flex flex-wrap gap-1">
          {row.nodes.length === 0 ? (
            <span className="text-xs text-slate-500">{row.kind === 'service' ? 'no task running' : 'unknown node'}</span>
          ) : (
            row.nodes.map((n) => <NodeBadge key={n} node={n} self={n === self} />)
          )}
        </span>
      </td>
      <td className={`${cell} whitespace-nowrap`}>{row.overlay && <ObjectLink kind="network" name={row.overlay} />}</td>
      <td className={`${cell} whitespace-nowrap`}>
        <span className={`inline-block w-7 rounded py-0.5 text-center font-mono text-xs font-semibold ${MARK_TONE[mark]}`}>
          {MARK_SHORT[mark]}
        </span>{' '}
        {MARK_LABEL[mark]}
      </td>
      {probed !== undefined && (
        <td className={`${cell} min-w-44`} data-live>
          {outcome && probed?.observed ? (
            <span
              className={
                outcome.mark === 'differ' ? 'font-semibold text-rose-700 dark:text-rose-300' : 'text-emerald-800 dark:text-emerald-300'
              }
            >
              {PROBE_SIGN[outcome.mark]} {outcome.mark === 'agree' ? 'agrees' : 'differs'}
              <span className="block text-xs font-normal text-slate-600 dark:text-slate-300">
                predicted {seenPhrase(probed.predicted)}, observed {seenPhrase(probed.observed)}
              </span>
            </span>
          ) : (
            <span className="text-slate-500">? not probed</span>
          )}
        </td>
      )}
      <td className={`${cell} text-slate-700 dark:text-slate-200`}>
        <span data-explanation>{pair.explanation}</span>
        {outcome && (
          <span
            data-probe-text
            className={`block text-xs ${outcome.mark === 'differ' ? 'text-rose-700 dark:text-rose-300' : 'text-slate-500'}`}
          >
            {outcome.text}
          </span>
        )}
        {vipSilent(row, probed) && (
          <span data-vip-silent className="block text-xs text-rose-700 dark:text-rose-300">
            Nothing answered at the virtual IP. The name still resolves to it, but IPVS answers there only where the kernel has the ip_vs
            module. Its tasks on other nodes have rows of their own.
          </span>
        )}
      </td>
    </tr>
  );
}
