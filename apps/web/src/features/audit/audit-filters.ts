import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditAction, type AuditEntry, type AuditResult } from '@bridgeboard/contract';
import type { operations } from '../../lib/api-schema';

/** What the Activity page narrows the log to; kept in the address, so a filtered view can be shared. */
export interface AuditFilters {
  user?: string;
  network?: string;
  container?: string;
  action?: AuditAction;
  result?: AuditResult;
}

export const TEXT_FILTERS = ['user', 'network', 'container'] as const;
export const PAGE_SIZE = 50;

const isAction = (v: string): v is AuditAction => (AUDIT_ACTIONS as readonly string[]).includes(v);
const isResult = (v: string): v is AuditResult => (AUDIT_RESULTS as readonly string[]).includes(v);

/** Filters from the address; unknown actions or results are dropped rather than sent to be refused. */
export function filtersFromSearch(search: URLSearchParams): AuditFilters {
  const filters: AuditFilters = {};
  for (const key of TEXT_FILTERS) {
    const value = search.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const action = search.get('action');
  if (action && isAction(action)) filters.action = action;
  const result = search.get('result');
  if (result && isResult(result)) filters.result = result;
  return filters;
}

export type AuditQuery = NonNullable<operations['listAuditEntries']['parameters']['query']>;

/** One page's query: the filters set (a blank text filter is no filter), the page cursor, the page size. */
export function auditQuery(filters: AuditFilters, before: number | undefined): AuditQuery {
  return {
    user: filters.user || undefined,
    network: filters.network || undefined,
    container: filters.container || undefined,
    action: filters.action,
    result: filters.result,
    before,
    limit: PAGE_SIZE,
  };
}

/** The server filters by equality; a live entry joins a filtered list only when it would have been served in it. */
export function matchesFilters(entry: AuditEntry, filters: AuditFilters): boolean {
  return (Object.keys(filters) as (keyof AuditFilters)[]).every((key) => filters[key] === undefined || entry[key] === filters[key]);
}
