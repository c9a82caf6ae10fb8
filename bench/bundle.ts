/**
 * The web bundle's sizes, for issue 13's goal "initial script ≤ 300 kB (minified, before
 * compression)". The initial script is what index.html makes the browser load before anything
 * runs: its `<script type="module" src>` and every `<link rel="modulepreload">` it lists. Every
 * other script in assets/ loads on demand (a page, a dialog, the board beside the session check).
 *
 *   npx tsx bench/bundle.ts [distDir]     (default apps/web/dist; needs `turbo run build` first)
 *
 * The browser bench imports `bundleSizes()` to print the same numbers with its own.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { renderTable, type Column } from './table.js';

export const WEB_DIST = fileURLToPath(new URL('../apps/web/dist', import.meta.url));

export interface BundleFile {
  /** `assets/index-….js`, as index.html names it. */
  file: string;
  /** Minified, before compression. */
  bytes: number;
  /** gzip -9, as a server would send it compressed. */
  gzipBytes: number;
}

export interface BundleSizes {
  /** The entry script and its modulepreloads, in index.html's order, with their sum. */
  initial: { files: BundleFile[]; bytes: number; gzipBytes: number };
  /** Every other script, largest first. */
  onDemand: BundleFile[];
  css: BundleFile[];
}

export class NoBuildError extends Error {}

const sizeOf = (distDir: string, file: string): BundleFile => {
  const content = readFileSync(join(distDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
};

const largestFirst = (a: BundleFile, b: BundleFile) => b.bytes - a.bytes;

/** The sizes of the build in `distDir`; throws NoBuildError when there is none. */
export function bundleSizes(distDir: string = WEB_DIST): BundleSizes {
  const index = join(distDir, 'index.html');
  if (!existsSync(index) || !existsSync(join(distDir, 'assets'))) {
    throw new NoBuildError(`no web build in ${distDir}: run \`npx turbo run build --filter=@bridgeboard/web\` first`);
  }
  const html = readFileSync(index, 'utf8');
  // Vite writes these tags itself, attributes in this order; a URL is root-relative (`/assets/…`).
  const tags = [...html.matchAll(/<(script|link)\b[^>]*>/g)].map((m) => m[0]);
  const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  const initialFiles = tags
    .filter(
      (t) => (t.startsWith('<script') && attr(t, 'type') === 'module') || (t.startsWith('<link') && attr(t, 'rel') === 'modulepreload'),
    )
    .map((t) => attr(t, t.startsWith('<script') ? 'src' : 'href'))
    .filter((url): url is string => !!url)
    .map((url) => url.replace(/^\//, ''));
  if (initialFiles.length === 0) throw new NoBuildError(`${index} loads no module script: not a Vite build?`);
  const initial = initialFiles.map((f) => sizeOf(distDir, f));
  const assets = readdirSync(join(distDir, 'assets')).map((f) => `assets/${f}`);
  return {
    initial: {
      files: initial,
      bytes: initial.reduce((sum, f) => sum + f.bytes, 0),
      gzipBytes: initial.reduce((sum, f) => sum + f.gzipBytes, 0),
    },
    onDemand: assets
      .filter((f) => f.endsWith('.js') && !initialFiles.includes(f))
      .map((f) => sizeOf(distDir, f))
      .sort(largestFirst),
    css: assets
      .filter((f) => f.endsWith('.css'))
      .map((f) => sizeOf(distDir, f))
      .sort(largestFirst),
  };
}

const GOAL_BYTES = 300 * 1000;

/** kB as Vite prints them (1000 bytes), so the numbers match the build's own report. */
const kB = (bytes: number) => (bytes / 1000).toFixed(1);

/** The table `bench/bundle.ts` prints: the initial script's sum first, then each file. */
export function bundleTable(sizes: BundleSizes): string {
  const columns: Column[] = [
    { group: 'web bundle', title: 'file', left: true },
    { group: 'web bundle', title: 'loads', left: true },
    { group: 'kB', title: 'min' },
    { group: 'kB', title: 'gzip' },
  ];
  const row = (f: BundleFile, loads: string) => [f.file, loads, kB(f.bytes), kB(f.gzipBytes)];
  const rows = [
    [
      'initial script',
      `${sizes.initial.files.length} file${sizes.initial.files.length === 1 ? '' : 's'}`,
      kB(sizes.initial.bytes),
      kB(sizes.initial.gzipBytes),
    ],
    ...sizes.initial.files.map((f) => row(f, 'initial')),
    ...sizes.onDemand.map((f) => row(f, 'on demand')),
    ...sizes.css.map((f) => row(f, 'stylesheet')),
  ];
  const met = sizes.initial.bytes <= GOAL_BYTES;
  return [
    renderTable(columns, rows),
    `initial script: ${kB(sizes.initial.bytes)} kB minified (goal ≤ 300 kB: ${met ? 'met' : 'not met'}), ${kB(sizes.initial.gzipBytes)} kB gzip`,
  ].join('\n');
}

function main(): void {
  try {
    console.log(bundleTable(bundleSizes(resolve(process.argv[2] ?? WEB_DIST))));
  } catch (err) {
    if (!(err instanceof NoBuildError)) throw err;
    console.error(`bench/bundle.ts: ${err.message}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
