import type { FastifyBaseLogger } from 'fastify';
import type { EngineStatus, EngineSummary, Snapshot } from '@bridgeboard/contract';
import { EngineWatcher, defaultWatcherOptions, type WatcherOptions } from '../engine/engine-watcher.js';
import { TopologyStore } from '../engine/topology-store.js';
import { engineClient, type EngineClient, type EngineConnection } from './engine-client.js';
import type { HostKeyCheck } from './host-key-check.js';

export interface EngineSpec {
  id: string;
  name: string;
  connection: EngineConnection;
  endpoint: EngineSummary['endpoint'];
  source: EngineSummary['source'];
  /**
   * The engine runs on this host, in this network namespace (the local socket): its bridges and
   * veth pairs are this host's interfaces, so host-touching options and the wire can be read here.
   */
  local: boolean;
  /** ssh:// only: the check of the key the engine shows, and the key it showed last. */
  hostKey?: HostKeyCheck;
}

/**
 * One Docker engine of the fleet: its client (held to the allowlist), the store of its topology and
 * the watcher that keeps that store equal to it. No Fastify in here: routes, socket handlers, the
 * CLI and the benches resolve an Engine and call the operations in services/, which take it.
 */
export class Engine {
  readonly id: string;
  readonly name: string;
  readonly local: boolean;
  readonly client: EngineClient;
  readonly store = new TopologyStore();
  readonly watcher: EngineWatcher;
  readonly #spec: EngineSpec;

  constructor(spec: EngineSpec, log: FastifyBaseLogger, watcher: Partial<WatcherOptions> = {}) {
    this.#spec = spec;
    this.id = spec.id;
    this.name = spec.name;
    this.local = spec.local;
    this.client = engineClient(spec.connection);
    this.watcher = new EngineWatcher(this.client.docker, this.store, log.child({ engine: spec.id }), {
      ...defaultWatcherOptions,
      ...watcher,
    });
  }

  get docker() {
    return this.client.docker;
  }

  get status(): EngineStatus {
    return this.watcher.status;
  }

  /** What a client starts from: the same for `GET …/topology` and the socket's `snapshot`. */
  snapshot(): Snapshot {
    const topology = this.store.current;
    return { engine: this.id, rev: topology.rev, topology };
  }

  summary(): EngineSummary {
    const { id, name, endpoint, source } = this.#spec;
    const place = this.watcher.swarm;
    const swarm = place
      ? { role: place.manager ? ('manager' as const) : ('worker' as const), nodeId: place.selfId, clusterId: place.clusterId }
      : null;
    return { id, name, endpoint, source, status: this.status, rev: this.store.current.rev, swarm };
  }

  start(): void {
    this.watcher.start();
  }

  stop(): Promise<void> {
    return this.watcher.stop();
  }
}
