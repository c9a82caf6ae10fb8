/**
 * The board's own runs at one size: first render (and first usable board) of the fit view `/` and
 * of a container deep link (zoom 1.2), and frames per second while idle, panning, zooming with the
 * wheel and, zoomed in, dragging a chip. Their two tables.
 */
import type { Browser } from 'playwright-core';
import { openPage } from './web-browser.js';
import { progress, type Server } from './web-engine.js';
import { call, dragChip, framesDuring, load, pan, sleep, zoom, zoomInOn, zoomOf, type FpsResult, type LoadResult } from './web-page.js';
import { ctrName, netName, PER_NETWORK } from './web-topology.js';
import { blankRepeats, columnGroup, fixed, ms, renderTable, type Column } from './table.js';

const ACTION_MS = 3000;
/** The near view's zoom: what a deep link zooms to. */
const NEAR = 1.2;

export interface LoadRow extends LoadResult {
  label: string;
  path: string;
}

export interface FpsRow extends FpsResult {
  label: string;
  view: string;
  action: string;
}

const idle = () => sleep(1000).then(() => 0);

/** Loads '/' (fitView) and a container deep link (zoomed in); measures idle, pan, zoom and drag frames. */
export async function boardRuns(browser: Browser, server: Server, label: string, chipIndex: number, notes: string[]) {
  const dragChipName = ctrName(chipIndex);
  const loads: LoadRow[] = [];
  const fps: FpsRow[] = [];
  {
    const { page, cdp, close } = await openPage(browser, server, `${label} /`);
    progress(`${label}: loading / …`);
    const l = await load(page, cdp, '/');
    loads.push({ ...l, label, path: '/' });
    const view = `/ (fit, zoom ${l.zoom.toFixed(2)})`;
    fps.push({ ...(await framesDuring(page, cdp, idle)), label, view, action: 'idle 1 s' });
    fps.push({ ...(await pan(page, cdp, ACTION_MS, 400)), label, view, action: 'pan (drag pane ±400 px)' });
    fps.push({ ...(await zoom(page, cdp, ACTION_MS)), label, view, action: 'zoom (wheel ×1.5 in/out)' });
    await close();
  }
  {
    const path = `/containers/${dragChipName}`;
    const { page, cdp, close } = await openPage(browser, server, `${label} ${path}`);
    progress(`${label}: loading ${path} …`);
    const l = await load(page, cdp, path);
    loads.push({ ...l, label, path });
    // Near zoom: the deep link zooms to 1.2 on the chip; a board that does not is zoomed in on the chip's bridge here, and noted.
    if (l.zoom < NEAR - 0.05) {
      const bridge = `[data-network="${netName(Math.floor(chipIndex / PER_NETWORK))}"]`;
      const ok = await zoomInOn(page, bridge, NEAR);
      notes.push(
        `${label}: ${path} stayed at zoom ${l.zoom.toFixed(2)}; zoomed in with the wheel over its bridge to ${(await zoomOf(page)).toFixed(2)}${ok ? '' : ' (failed)'}`,
      );
    }
    const view = `deep link (zoom ${(await zoomOf(page)).toFixed(2)})`;
    fps.push({ ...(await framesDuring(page, cdp, idle)), label, view, action: 'idle 1 s' });
    fps.push({ ...(await pan(page, cdp, ACTION_MS, 300)), label, view, action: 'pan (drag pane ±300 px)' });
    fps.push({ ...(await zoom(page, cdp, ACTION_MS)), label, view, action: 'zoom (wheel ×1.5 in/out)' });
    if (await call<boolean>(page, `window.__bb.inBoard('[data-container="${dragChipName}"]') > 0.99`))
      fps.push({ ...(await dragChip(page, cdp, dragChipName, ACTION_MS, 150)), label, view, action: 'drag chip, drop on pane' });
    else notes.push(`${label}: ${dragChipName} not on screen at ${path}: no drag measured`);
    await close();
  }
  return { loads, fps };
}

export function renderLoadTable(rows: LoadRow[]): string {
  const columns: Column[] = [
    ...columnGroup('page', ['engine', 'path'], true),
    ...columnGroup('ms from navigation start', ['DCL', 'REST in', 'snapshot in', '1st node', '1st bench', 'usable', 'drawn']),
    ...columnGroup('long tasks until drawn', ['n', 'sum ms', 'max ms']),
    ...columnGroup('in the DOM when drawn', ['zoom', 'bridges', 'chips', 'links', 'DOM nodes']),
    ...columnGroup('JS heap MiB', ['used', 'after GC']),
  ];
  const cells = (r: LoadRow) => [
    r.label,
    r.path.length > 24 ? `${r.path.slice(0, 23)}…` : r.path,
    ms(r.domContentLoaded),
    ms(r.restEnd),
    ms(r.snapshotEnd),
    ms(r.firstNode ?? Number.NaN),
    ms(r.firstBench ?? Number.NaN),
    ms(r.usable),
    ms(r.lastChange ?? Number.NaN),
    String(r.longtasks.count),
    ms(r.longtasks.total),
    ms(r.longtasks.max),
    fixed(r.zoom, 2),
    String(r.bridges),
    String(r.chips),
    String(r.links),
    String(r.domNodes),
    fixed(r.heapMiB, 1),
    fixed(r.heapAfterGcMiB, 1),
  ];
  return renderTable(columns, blankRepeats(rows.map(cells), 1));
}

export function renderFpsTable(rows: FpsRow[]): string {
  const columns: Column[] = [
    ...columnGroup('what', ['engine', 'view', 'action'], true),
    ...columnGroup('frames', ['s', 'n', 'fps']),
    ...columnGroup('frame interval ms', ['p50', 'p95', 'max', '>50']),
    ...columnGroup('main thread ms (CDP)', ['busy', 'script', 'style', 'layout']),
    ...columnGroup('input', ['events', '/s']),
    ...columnGroup('other', ['patches']),
  ];
  const cells = (r: FpsRow) => [
    r.label,
    r.view,
    r.action,
    fixed(r.seconds, 1),
    String(r.frames),
    fixed(r.fps, 1),
    ms(r.p50),
    ms(r.p95),
    ms(r.max),
    String(r.slow),
    ms(r.taskMs),
    ms(r.scriptMs),
    ms(r.styleMs),
    ms(r.layoutMs),
    r.moves ? String(r.moves) : '—',
    r.moves ? fixed(r.moves / r.seconds, 0) : '—',
    String(r.patches),
  ];
  return renderTable(columns, blankRepeats(rows.map(cells), 2));
}
