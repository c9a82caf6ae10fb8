import type { ExportQuery, ExportResponse } from '@bridgeboard/contract';
import { exportCommands, exportCompose, findContainer, findNetwork, type ExportSelection, type Topology } from '@bridgeboard/topology';
import { BridgeboardError } from '../errors.js';

/**
 * The selection as `docker` commands or a compose file. A name that is not on the board is the
 * caller's mistake (a stale selection), refused with 400 before the core runs; anything the core
 * throws after that is a bug, and reaches the error handler as one (a logged 500), not as a 400
 * carrying its raw text.
 */
export function exportTopology(t: Topology, { format, networks, containers }: ExportQuery): ExportResponse {
  for (const ref of networks ?? []) if (!findNetwork(t, ref)) throw new BridgeboardError('invalid', `No network named '${ref}'`);
  for (const ref of containers ?? []) if (!findContainer(t, ref)) throw new BridgeboardError('invalid', `No container named '${ref}'`);
  const selection: ExportSelection = { ...(networks ? { networks } : {}), ...(containers ? { containers } : {}) };
  return { format, text: format === 'compose' ? exportCompose(t, selection) : exportCommands(t, selection) };
}
