import type { ExportSelection } from '@bridgeboard/topology';
import type { operations } from '../../lib/api-schema';

export type ExportQuery = operations['exportTopology']['parameters']['query'];

/**
 * `GET /api/engines/:engine/export`'s query. The client sends a list as repeated keys (`networks=a&networks=b`),
 * which the API reads as an array; an unset or empty list is left out, and the API exports all.
 */
export const exportQuery = (format: ExportQuery['format'], selection: ExportSelection | undefined): ExportQuery => ({
  format,
  networks: selection?.networks,
  containers: selection?.containers,
});
