// npm inside `docker build` without the network, and the same Dockerfile with it.
//
//   node deploy/npm-offline.mjs fill [cache]   (on the host) copies into deploy/npm-cache/_cacache
//       the tarball of every package in package-lock.json, from the host's npm cache (~/.npm by
//       default; what `npm ci` left there). About 80 MB instead of the whole cache.
//   node deploy/npm-offline.mjs ci [npm ci arguments…]   (in the Dockerfile) runs `npm ci`: offline
//       from /tmp/npm-cache when the build context brought a filled cache, from the registry otherwise.
//
// Why the lockfile gets `resolved` URLs first: this project's lockfile has none (npm's
// omit-lockfile-registry-resolved), and without one npm asks the registry for each package's
// document to find the tarball's address. With it, npm reads the tarball from the cache by its
// integrity hash and never needs the (much larger) registry documents.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

const REGISTRY = 'https://registry.npmjs.org';
const IMAGE_CACHE = '/tmp/npm-cache';

/** Where cacache keeps the content of an integrity hash. */
function contentPath(integrity) {
  const [algo, b64] = integrity.split(/\s+/)[0].split('-', 2);
  const hex = Buffer.from(b64, 'base64').toString('hex');
  return join('_cacache', 'content-v2', algo, hex.slice(0, 2), hex.slice(2, 4), hex.slice(4));
}

/** The registry packages of a lockfile: [path in node_modules, name, entry]. */
function registryPackages(lock) {
  return Object.entries(lock.packages)
    .filter(([path, p]) => path.includes('node_modules/') && !p.link && p.integrity && p.version)
    .map(([path, p]) => [path, p.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length), p]);
}

function fill(lockFile, from, to) {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  let copied = 0;
  const missing = [];
  for (const [path, name, p] of registryPackages(lock)) {
    const rel = contentPath(p.integrity);
    const target = join(to, rel);
    if (existsSync(target)) {
      copied++;
      continue;
    }
    if (!existsSync(join(from, rel))) {
      // Platform packages of other systems (darwin, win32, musl…) are never installed here.
      if (!p.optional) missing.push(`${name}@${p.version} (${path})`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    copyFileSync(join(from, rel), target);
    copied++;
  }
  if (missing.length > 0) {
    console.error(`[npm-offline] not in ${from}: ${missing.join(', ')}\nRun npm ci on this machine first.`);
    process.exit(1);
  }
  console.log(`[npm-offline] ${copied} package tarballs in ${to}`);
}

function pinResolved(lockFile) {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8'));
  for (const [, name, p] of registryPackages(lock)) {
    p.resolved ??= `${REGISTRY}/${name}/-/${name.split('/').pop()}-${p.version}.tgz`;
  }
  writeFileSync(lockFile, `${JSON.stringify(lock, null, 2)}\n`);
}

function ci(args) {
  const offline = existsSync(join(IMAGE_CACHE, '_cacache'));
  if (offline) pinResolved('package-lock.json');
  const npmArgs = ['ci', '--no-audit', '--no-fund', ...(offline ? ['--offline', '--cache', IMAGE_CACHE] : []), ...args];
  console.log(`[npm-offline] npm ${npmArgs.join(' ')}`);
  const result = spawnSync('npm', npmArgs, { stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const [command, ...rest] = process.argv.slice(2);
if (command === 'fill') fill('package-lock.json', rest[0] ?? join(homedir(), '.npm'), join('deploy', 'npm-cache'));
else if (command === 'ci') ci(rest);
else {
  console.error('usage: node deploy/npm-offline.mjs fill [cache] | ci [npm ci arguments…]');
  process.exit(2);
}
