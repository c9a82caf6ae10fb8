/** The browser bench's table (0): per size, the engine it ran against, how long setting it up took, and the server's memory. */
import { columnGroup, fixed, renderTable, type Column } from './table.js';

export interface SizeRow {
  size: number;
  /** Containers in the app's snapshot (running), other clients' included. */
  engine: string;
  networks: number;
  /** Ours running: the latency containers and the sizes' started ones. */
  running: number;
  createSeconds: number;
  startSeconds: number;
  serverSeconds: number;
  /** Server VmRSS, MiB: after the relist, after the pages, with the fan-out's clients connected; VmHWM. */
  rssStart: number;
  rssPages: number;
  rssFanout: number;
  peak: number;
}

export function renderSizesTable(rows: SizeRow[]): string {
  const columns: Column[] = [
    ...columnGroup('ours', ['ctrs', 'nets', 'running'], false),
    ...columnGroup('engine', ['ctrs (running)'], false),
    ...columnGroup('setup s', ['make', 'start', 'relist']),
    ...columnGroup('server MiB', ['relist', 'pages', 'fan-out', 'peak']),
  ];
  const mib = (v: number) => fixed(v, 0);
  return renderTable(
    columns,
    rows.map((r) => [
      String(r.size),
      String(r.networks),
      String(r.running),
      r.engine,
      fixed(r.createSeconds, 0),
      fixed(r.startSeconds, 0),
      fixed(r.serverSeconds, 1),
      mib(r.rssStart),
      mib(r.rssPages),
      Number.isFinite(r.rssFanout) ? mib(r.rssFanout) : '—',
      mib(r.peak),
    ]),
  );
}
