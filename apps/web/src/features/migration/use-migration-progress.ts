import { useCallback, useEffect, useRef, useState } from 'react';
import type { MigrationProgress } from '@bridgeboard/contract';
import { socket } from '../../lib/socket';
import { allDone, applyProgress, isOurStart, pendingSteps, type StepRow } from './migration-steps';

/**
 * The live step list of the migration this dialog applies. `watch(commands)` is called just
 * before the request goes out; from then on the socket's `migration` events of that migration (and
 * only that one: every board hears every migration) move its rows along.
 */
export function useMigrationProgress(me: string) {
  const [rows, setRows] = useState<StepRow[]>([]);
  // Refs, not state: the socket listener is registered once and reads the latest.
  const watching = useRef<{ commands: string[]; id: string | null } | null>(null);

  useEffect(() => {
    const onMigration = (p: MigrationProgress) => {
      const w = watching.current;
      if (!w) return;
      if (w.id === null && isOurStart(p, me, w.commands)) w.id = p.id;
      if (p.id === w.id) setRows((old) => applyProgress(old, p));
    };
    socket.on('migration', onMigration);
    return () => {
      socket.off('migration', onMigration);
    };
  }, [me]);

  const watch = useCallback((commands: string[]) => {
    watching.current = { commands, id: null };
    setRows(pendingSteps(commands));
  }, []);

  /** The server answered: adopt its id (should the socket have missed the first event) and, on success, finish. */
  const settle = useCallback((id: string | null) => {
    if (watching.current && id) watching.current.id = id;
    if (id) setRows(allDone);
  }, []);

  return { rows, watch, settle };
}
