/**
 * Part (d) of `npm run bench` alone (reachability served to 20 clients; bench/reachability-load.ts).
 * Needs no engine and makes no engine object:
 *
 *   npx tsx --conditions=source bench/reachability-served.ts
 */
import { reachabilityLoadHeader, reachabilityLoadTable, runReachabilityLoad } from './reachability-load.js';

const rows = await runReachabilityLoad();
process.stdout.write(`${['', ...reachabilityLoadHeader, '', reachabilityLoadTable(rows)].join('\n')}\n`);
