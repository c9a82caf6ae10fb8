import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { DEFAULT_ENGINE_ID, ENGINE_ID_PATTERN, type EngineSummary } from '@bridgeboard/contract';
import { enginesQuery } from './engines-query';

const REMEMBERED = 'bridgeboard.engine';
const valid = (id: string | null): id is string => id !== null && new RegExp(ENGINE_ID_PATTERN).test(id);

function remembered(): string | null {
  try {
    return sessionStorage.getItem(REMEMBERED);
  } catch {
    return null;
  }
}

function remember(id: string): void {
  try {
    sessionStorage.setItem(REMEMBERED, id);
  } catch {
    // A browser that keeps no storage just forgets the choice between pages.
  }
}

/** Where a tab with no engine asked or kept starts: the default engine, unless the user may not see it (role `none`). */
export function firstEngine(listed: EngineSummary[] | undefined): string {
  if (!listed || listed.length === 0 || listed.some((e) => e.id === DEFAULT_ENGINE_ID)) return DEFAULT_ENGINE_ID;
  return listed[0]?.id ?? DEFAULT_ENGINE_ID;
}

/**
 * The engine this tab shows. A deep link names it (`?engine=staging`); without one, the tab keeps
 * the engine it showed last (links between pages need not carry it), else the default engine, or
 * the first one listed when the user has no access to the default one.
 */
export function useEngineId(): string {
  const [params] = useSearchParams();
  // The list as the header fetched it; never fetched from here (a signed-out page has none).
  const { data: listed } = useQuery({ ...enginesQuery, enabled: false });
  const asked = params.get('engine');
  if (valid(asked)) {
    if (remembered() !== asked) remember(asked);
    return asked;
  }
  const kept = remembered();
  return valid(kept) ? kept : firstEngine(listed);
}

/** Shows another engine: the page stays, the address says which engine (a link to share). */
export function useSelectEngine(): (id: string) => void {
  const [, setParams] = useSearchParams();
  return useCallback(
    (id: string) => {
      remember(id);
      setParams(
        (old) => {
          const next = new URLSearchParams(old);
          next.set('engine', id);
          return next;
        },
        { replace: false },
      );
    },
    [setParams],
  );
}

/** `?engine=…` for links that name one object of this engine (a deep link must say which engine). */
export const engineSearch = (id: string): string => (id === DEFAULT_ENGINE_ID ? '' : `?engine=${encodeURIComponent(id)}`);
