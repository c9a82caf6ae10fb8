import type { InfiniteData } from '@tanstack/react-query';
import type { AuditEntry, AuditPage } from '@bridgeboard/contract';

export type AuditPages = InfiniteData<AuditPage, number | undefined>;

/**
 * A live entry into the cached pages, newest first. Already there (a fetch raced the socket)
 * → unchanged; otherwise it joins the first page, in id order.
 */
export function prependEntry(data: AuditPages | undefined, entry: AuditEntry): AuditPages | undefined {
  if (!data) return data;
  if (data.pages.some((p) => p.entries.some((e) => e.id === entry.id))) return data;
  const [first, ...rest] = data.pages;
  if (!first) return data;
  const entries = [entry, ...first.entries].sort((a, b) => b.id - a.id);
  return { ...data, pages: [{ ...first, entries }, ...rest] };
}
