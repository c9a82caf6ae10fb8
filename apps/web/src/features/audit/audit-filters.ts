import { AUDIT_ACTIONS, AUDIT_RESULTS, type AuditAction, type AuditEntry, type AuditResult } from '@bridgeboard/contract';

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

export function auditPath(filters: AuditFilters, before: number | undefined): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, String(value));
  if (before !== undefined) search.set('before', String(before));
  search.set('limit', String(PAGE_SIZE));
  return `/api/audit?${search.toString()}`;
}

/** The server filters by equality; a live entry joins a filtered list only when it would have been served in it. */
export function matchesFilters(entry: AuditEntry, filters: AuditFilters): boolean {
  return (Object.keys(filters) as (keyof AuditFilters)[]).every((key) => filters[key] === undefined || entry[key] === filters[key]);
}
