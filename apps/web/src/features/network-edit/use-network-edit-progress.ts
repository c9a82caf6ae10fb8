import { useCallback, useEffect, useRef, useState } from 'react';
import type { NetworkEditProgress, NetworkEditReport } from '@bridgeboard/contract';
import { socket } from '../../lib/socket';
import { applyEditProgress, isOurStart, pendingRows, rowsOfReport, type EditRows } from './edit-steps';

/**
 * The live rows of the edit this dialog applies. `watch` is called just before the request goes
 * out; from then on the socket's `networkEdit` events of that edit (and only that one: every board
 * of the engine hears every edit) move its rows along, until `settle` puts the report in their place.
 */
export function useNetworkEditProgress(who: { engine: string; user: string; network: string }) {
  const [rows, setRows] = useState<EditRows>(() => pendingRows([]));
  // Refs, not state: the listener is registered once and reads the latest.
  const watching = useRef<{ id: string | null } | null>(null);
  const { engine, user, network } = who;

  useEffect(() => {
    const onEdit = (p: NetworkEditProgress) => {
      const w = watching.current;
      if (!w) return;
      if (w.id === null && isOurStart(p, { engine, user, network })) w.id = p.id;
      if (p.id === w.id) setRows((old) => applyEditProgress(old, p));
    };
    socket.on('networkEdit', onEdit);
    return () => {
      socket.off('networkEdit', onEdit);
    };
  }, [engine, user, network]);

  const watch = useCallback((commands: readonly string[]) => {
    watching.current = { id: null };
    setRows(pendingRows(commands));
  }, []);

  /** The server answered: its report (kept or rolled back) is the account; without one, the live rows stay. */
  const settle = useCallback((report: NetworkEditReport | null) => {
    watching.current = null;
    if (report) setRows(rowsOfReport(report));
  }, []);

  return { rows, watch, settle };
}
