import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { NetworkEditBody, NetworkEditReport } from '@bridgeboard/contract';
import { ApiError, client } from '../../lib/api';
import { useEngineId } from '../engines/engine-selection';
import { waitForTopology } from '../topology/wait-for-topology';
import { networkEditKeys } from './network-edit-keys';

/** An edit the server did not keep: refused before any step (no report), or rolled back (its report says how). */
export class NetworkEditFailed extends ApiError {
  constructor(
    statusCode: number,
    message: string,
    readonly report: NetworkEditReport | null,
  ) {
    super(statusCode, message);
    this.name = 'NetworkEditFailed';
  }
}

const isReport = (x: unknown): x is NetworkEditReport => typeof x === 'object' && x !== null && 'steps' in x && 'outcome' in x;

/** The error answer of an apply, as `{ statusCode, error, message, report? }` or whatever a proxy sent. */
function failureOf(error: unknown, response: Response): NetworkEditFailed {
  const body = typeof error === 'object' && error !== null ? (error as { message?: unknown; report?: unknown }) : {};
  const message = typeof body.message === 'string' ? body.message : `${response.status} ${response.statusText}`;
  return new NetworkEditFailed(response.status, message, isReport(body.report) ? body.report : null);
}

/**
 * Applies an edit (operator and up), bound to the plan's basis. A rollback answers 409 with the
 * report, which the dialog shows step by step: the error carries it. No toast: the dialog shows
 * every outcome in place.
 */
export function useApplyNetworkEdit(networkId: string) {
  const queryClient = useQueryClient();
  const engine = useEngineId();
  return useMutation({
    mutationKey: networkEditKeys.apply(engine),
    meta: { silent: true },
    mutationFn: async ({ body, name }: { body: NetworkEditBody; name: string }): Promise<NetworkEditReport> => {
      const answer = await client.POST('/api/engines/{engine}/networks/{id}/edit', {
        params: { path: { engine, id: networkId } },
        body,
      });
      if (!answer.response.ok || answer.data === undefined) throw failureOf(answer.error, answer.response);
      // The answer can beat the socket's patches: wait until the board has the re-made network.
      await waitForTopology(queryClient, engine, (t) => Object.values(t.networks).some((n) => n.name === name && n.id !== networkId));
      return answer.data;
    },
  });
}
