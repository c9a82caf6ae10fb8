#!/usr/bin/env node
// The `bridgeboard` command: the built CLI (apps/api/dist, made by `npm run build`). This file is
// the package's bin rather than dist/cli/main.js because npm links a bin only if its file exists
// at install time, before any build; without it `npx bridgeboard` found nothing from the root.
//
// In a checkout, a shell's Node may be older than the project supports (Node 20 on the machines we
// run on); then the command hands itself to the project's own Node, which `npm start` and
// `npm test` bring into .tools/node (scripts/node.sh).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
  const own = fileURLToPath(new URL('../../../.tools/node/bin/node', import.meta.url));
  if (!existsSync(own)) {
    console.error(
      `bridgeboard needs Node 22 or 24, and this is ${process.version}. Run \`npm start\` once (it brings the project's Node), or install Node 24.`,
    );
    process.exit(1);
  }
  const run = spawnSync(own, [fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
await import('../dist/cli/main.js');
