import { readFileSync } from 'node:fs';
import type { EngineContainer, EngineNetwork } from '../src/index.js';

export interface EngineFixture {
  apiVersion: string;
  networksList: EngineNetwork[];
  networksInspect: (EngineNetwork & {
    Containers: Record<string, { Name: string; EndpointID: string; IPv4Address: string; IPv6Address: string; MacAddress: string }>;
  })[];
  containersInspect: EngineContainer[];
}

/** Answers recorded from a real engine by fixtures/record.sh (1.45 derived from 1.41, see its note). */
export function loadFixture(version: '1.41' | '1.45'): EngineFixture {
  return JSON.parse(readFileSync(new URL(`./fixtures/engine-${version}.json`, import.meta.url), 'utf8')) as EngineFixture;
}
