import { EventEmitter } from 'node:events';
import type { FastifyBaseLogger } from 'fastify';
import type { EnginePatch, EngineState } from '@bridgeboard/contract';
import { own, type Patch } from '@bridgeboard/topology';
import type { Target } from '../engine/engine-event.js';
import type { WatcherOptions } from '../engine/engine-watcher.js';
import { BridgeboardError } from '../errors.js';
import { Engine, type EngineSpec } from './engine.js';
import { GOSSIP_DELAYS_MS, overlaysChanged, servicesChanged } from './swarm-peers.js';

interface FleetEvents {
  patch: [EnginePatch];
  engine: [EngineState];
  /** A new engine, before it starts: listeners see its first calls and events. */
  added: [Engine];
  /** An engine was stopped and let go (its id). */
  removed: [string];
}

/**
 * The engines this server holds, by id. Each has its own watcher, store and rev: one engine's
 * failure or slowness stays that engine's. The fleet only names them and passes their news on,
 * each piece marked with its engine.
 */
export class Fleet extends EventEmitter<FleetEvents> {
  readonly #engines = new Map<string, Engine>();
  readonly #unhook = new Map<string, () => void>();
  /** The engine calls beyond the fixed list, switched on for every engine alike (an admin setting). */
  #exec = false;

  constructor(
    private readonly log: FastifyBaseLogger,
    private readonly watcher: Partial<WatcherOptions> = {},
  ) {
    super();
    // Every socket handler and metric listens here, once per engine event.
    this.setMaxListeners(0);
  }

  /** Every engine, in the order they were added (the default one first). */
  list(): Engine[] {
    return [...this.#engines.values()];
  }

  has(id: string): boolean {
    return this.#engines.has(id);
  }

  /** The engine with this id, or a not-found naming it. */
  get(id: string): Engine {
    const engine = this.#engines.get(id);
    if (!engine) throw new BridgeboardError('not-found', `engine '${id}' not found`);
    return engine;
  }

  /** Starts following a new engine; resolves once its first list is in, or after `firstSyncMs`. */
  async add(spec: EngineSpec, firstSyncMs = 0): Promise<Engine> {
    if (this.#engines.has(spec.id)) throw new BridgeboardError('conflict', `engine '${spec.id}' already exists`);
    const engine = new Engine(spec, this.log, this.watcher);
    engine.client.capabilities.exec = this.#exec;
    const onPatch = (patch: Patch) => {
      this.emit('patch', { engine: engine.id, ...patch });
      if (engine.watcher.swarm) this.#tellSwarmPeers(engine, patch);
    };
    const onEngine = () => this.emit('engine', { engine: engine.id, ...engine.status });
    engine.store.on('patch', onPatch);
    engine.watcher.on('engine', onEngine);
    this.#unhook.set(spec.id, () => {
      engine.store.off('patch', onPatch);
      engine.watcher.off('engine', onEngine);
    });
    this.#engines.set(spec.id, engine);
    this.emit('added', engine);
    engine.start();
    if (firstSyncMs > 0) await engine.watcher.firstSync(firstSyncMs);
    return engine;
  }

  /** Stops following an engine; its clients are told it is gone (unreachable) before it goes. */
  async remove(id: string): Promise<void> {
    const engine = this.get(id);
    this.#engines.delete(id);
    this.#unhook.get(id)?.();
    this.#unhook.delete(id);
    await engine.stop();
    this.emit('removed', id);
  }

  /**
   * Other engines of the same swarm re-read what this engine's patch changed there (swarm-peers.ts):
   * the members of an overlay it touched, on those that list it; a service whose task it ran, on
   * the managers that hold it.
   */
  #tellSwarmPeers(from: Engine, patch: Patch): void {
    const overlays = overlaysChanged(from.store.current, patch);
    const services = servicesChanged(patch);
    if (overlays.length === 0 && services.length === 0) return;
    for (const peer of this.#engines.values()) {
      if (peer === from || !peer.watcher.swarm) continue;
      const t = peer.store.current;
      const targets: Target[] = [
        ...overlays.filter((id) => own(t.networks, id)).map((id): Target => ({ kind: 'members', id })),
        ...services.filter((id) => own(t.services, id)).map((id): Target => ({ kind: 'service', id })),
      ];
      for (const target of targets)
        for (const ms of GOSSIP_DELAYS_MS)
          setTimeout(() => {
            if (this.#engines.get(peer.id) === peer) void peer.watcher.refresh(target);
          }, ms).unref();
    }
  }

  /** Switches the exec calls (live probes) on or off for every engine, now and later. */
  setExec(enabled: boolean): void {
    this.#exec = enabled;
    for (const engine of this.#engines.values()) engine.client.capabilities.exec = enabled;
  }

  async close(): Promise<void> {
    await Promise.all([...this.#engines.keys()].map((id) => this.remove(id)));
  }
}
