import { EventEmitter } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import type { FastifyBaseLogger } from 'fastify';
import type { EngineStatus } from '@bridgeboard/contract';
import { fromEngine, servicesInTransit } from '@bridgeboard/topology';
import {
  CALL_TIMEOUT_MS,
  engineVersion,
  isEngineAnswer,
  listAll,
  listSwarm,
  patiently,
  pingEngine,
  swarmPlace,
  type SwarmPlace,
} from './engine-reader.js';
import type { EngineEvent, Target } from './engine-event.js';
import { readEvents } from './event-stream.js';
import { KnownContainers } from './known-containers.js';
import { readChange } from './object-reader.js';
import { ReadQueue } from './read-queue.js';
import { TaskFollowUps } from './task-follow-ups.js';
import { GOSSIP_DELAYS_MS, gatewayOf, swarmTargetsAfter } from './swarm-targets.js';
import type { TopologyStore } from './topology-store.js';

export interface WatcherOptions {
  /** How often `/_ping` checks that a silent event stream is not a hung one. */
  watchdogMs: number;
  backoffMinMs: number;
  backoffMaxMs: number;
  /**
   * How often a swarm node re-reads what gossip changes without an event here: overlay endpoints
   * on other nodes, task states, node states. One call per overlay and one each for tasks and
   * nodes; never a relist. Also notices the engine joining or leaving a swarm.
   */
  swarmPollMs: number;
  /** How long one engine call may take before it is slow: it is then made again, later (a slow engine is not a lost one). */
  callTimeoutMs: number;
}

export const defaultWatcherOptions: WatcherOptions = {
  watchdogMs: 5000,
  backoffMinMs: 500,
  backoffMaxMs: 10_000,
  swarmPollMs: 5000,
  callTimeoutMs: CALL_TIMEOUT_MS,
};

/** A read that timed out is made again after this long, doubling per failure of that object, up to the last. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/** An engine in no swarm is asked whether it joined one every this many swarm polls (a minute at 5 s). */
const NOT_IN_SWARM_EVERY = 12;

/** After a service event its tasks are scheduled, started and given addresses over the next seconds. */
const SERVICE_FOLLOW_UPS_MS = [1000, 3000, 8000];

type EventStream = NodeJS.ReadableStream & { destroy(): void };

interface WatcherEvents {
  engine: [EngineStatus];
  /** An event line read from `/events` (any event, before de-duplication). */
  received: [EngineEvent];
  /** A change read because of an event became a patch; `readAt` is when the first such event was read (`performance.now()`). */
  applied: [readAt: number];
}

/**
 * Keeps the store equal to the engine. Subscribes to `/events` before listing (so nothing falls
 * between the list and the stream), applies each event with one inspect of the object it names,
 * coalesces bursts per object, and relists after every reconnect because the engine replays only
 * its last 256 events.
 *
 * Only the stream decides that the engine is gone: it ends, or it is silent and `/_ping` goes
 * unanswered. A read that is slow (an engine busy removing thousands of containers) is made again
 * later, for that object alone; tearing the stream down for it would cost a relist, which under
 * that same load is the slowest read of all.
 */
export class EngineWatcher extends EventEmitter<WatcherEvents> {
  #status: EngineStatus = { reachable: false, version: null, apiVersion: null };
  #queue = new ReadQueue((target, superseded) => this.#readObject(target, superseded));
  /** Goes up with every subscription: results of reads begun under an older one are dropped. */
  #epoch = 0;
  #stopped = false;
  #stream: EventStream | null = null;
  /** The `/events` request while it opens: stop() aborts it. */
  #opening: AbortController | null = null;
  #loop: Promise<void> | null = null;
  #watchdog: NodeJS.Timeout | null = null;
  #swarmPoll: NodeJS.Timeout | null = null;
  /** Where this engine stands in a swarm, as of the last relist; null outside one. */
  #swarm: SwarmPlace | null = null;
  /** A swarm poll's `/info` is under way: the next tick does not stack another. */
  #polling = false;
  #pollsOutside = 0;
  #firstSync: Promise<void>;
  #resolveFirstSync!: () => void;
  #synced = false;
  /** Per object (`kind:id`): when the oldest event not yet read back was read. */
  #eventReadAt = new Map<string, number>();
  /** Per object: how many reads of it in a row missed their deadline. */
  #retries = new Map<string, number>();
  /** When the stream last said anything (`performance.now()`): a talking stream needs no ping. */
  #lastHeardAt = 0;
  /** Ends every call of the current connection: aborted when its stream is torn down, or at stop. */
  #cycle = new AbortController();
  /** The last inspect of each container, so that a relist after a reconnect reads only what changed. */
  #known = new KnownContainers();
  /** Services whose tasks were last seen in transit, looked at again until they settle. */
  #taskFollowUps = new TaskFollowUps();

  constructor(
    private readonly docker: Docker,
    private readonly store: TopologyStore,
    private readonly log: FastifyBaseLogger,
    private readonly options: WatcherOptions = defaultWatcherOptions,
  ) {
    super();
    this.#firstSync = new Promise((resolve) => (this.#resolveFirstSync = resolve));
  }

  // A method, not the field: the flag changes across awaits, which narrowing cannot see.
  #isStopped(): boolean {
    return this.#stopped;
  }

  get status(): EngineStatus {
    return this.#status;
  }

  /** True once a full list has reached the store (stays true across reconnects). */
  get synced(): boolean {
    return this.#synced;
  }

  /** Resolves after the first full list has reached the store (or at once if it never can). */
  firstSync(timeoutMs: number): Promise<void> {
    // Unref'd: a process that is done (a script, a test) must not wait for this timer to run out.
    return Promise.race([this.#firstSync, sleep(timeoutMs, undefined, { ref: false })]);
  }

  start(): void {
    this.#loop = this.#run();
    this.#watchdog = setInterval(() => void this.#checkPing(), this.options.watchdogMs);
    this.#watchdog.unref();
    this.#swarmPoll = setInterval(() => void this.#pollSwarm(), this.options.swarmPollMs);
    this.#swarmPoll.unref();
  }

  /** The engine's place in a swarm (null when it is in none), as of the last relist. */
  get swarm(): SwarmPlace | null {
    return this.#swarm;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#watchdog) clearInterval(this.#watchdog);
    if (this.#swarmPoll) clearInterval(this.#swarmPoll);
    this.#opening?.abort();
    this.#destroyStream();
    this.#cycle.abort();
    await this.#loop;
    this.#queue.clear();
  }

  /**
   * Re-reads one object now, through the same queue as events; resolves once the store holds
   * what the engine said. Routes call it after a mutation so their answer reflects it.
   */
  refresh(target: Target): Promise<void> {
    if (!this.#status.reachable) return Promise.resolve();
    return new Promise((resolve) => this.#queue.enqueue(target, resolve));
  }

  async #run(): Promise<void> {
    let backoff = this.options.backoffMinMs;
    while (!this.#stopped) {
      try {
        // Subscribe first: events that happen while we list are queued, then re-read.
        this.#epoch++;
        this.#cycle = new AbortController();
        this.#retries.clear();
        this.#taskFollowUps.clear();
        const stream = await this.#openEvents();
        this.#stream = stream;
        this.#lastHeardAt = performance.now();
        const ended = readEvents(
          stream,
          (target, readAt) => {
            const key = `${target.kind}:${target.id}`;
            if (!this.#eventReadAt.has(key)) this.#eventReadAt.set(key, readAt);
            this.#queue.enqueue(target);
            if (this.#swarm) for (const more of swarmTargetsAfter(this.store.current, target)) this.#queue.enqueue(more);
          },
          this.log,
          () => this.#isStopped(),
          (event) => {
            this.#lastHeardAt = performance.now();
            this.emit('received', event);
          },
        );
        // A stream that ends ends its connection's calls too, the relist's among them.
        const cycle = this.#cycle;
        void ended.finally(() => cycle.abort());
        // Each call of the relist has its own deadline; a hung engine is the watchdog's to find.
        await this.#relist(cycle.signal);
        this.#synced = true;
        this.#resolveFirstSync();
        backoff = this.options.backoffMinMs;
        await ended;
        if (!this.#isStopped()) this.log.warn('engine event stream ended');
      } catch (err) {
        if (!this.#isStopped()) this.log.warn({ err }, 'engine unreachable');
      }
      this.#epoch++;
      this.#queue.pause();
      this.#eventReadAt.clear();
      this.#destroyStream();
      this.#setStatus({ reachable: false, version: null, apiVersion: null });
      if (this.#isStopped()) break;
      await sleep(backoff);
      backoff = Math.min(backoff * 2, this.options.backoffMaxMs);
    }
  }

  /**
   * Opens `/events`. Opening has a deadline (a hung engine answers nothing); the open stream has
   * none, so the timer is cleared once it opens rather than given as `AbortSignal.timeout`, which
   * would cut the stream when it fires.
   */
  async #openEvents(): Promise<EventStream> {
    const opening = (this.#opening = new AbortController());
    const deadline = setTimeout(
      () => opening.abort(new Error(`engine did not open /events within ${CALL_TIMEOUT_MS} ms`)),
      CALL_TIMEOUT_MS,
    );
    try {
      const stream = await this.docker.getEvents({
        filters: { type: ['container', 'network', 'service', 'node'] },
        abortSignal: opening.signal,
      });
      // dockerode types the answer loosely; it is the HTTP response, which can be destroyed.
      return stream as EventStream;
    } finally {
      clearTimeout(deadline);
      this.#opening = null;
    }
  }

  async #relist(signal: AbortSignal): Promise<void> {
    const ms = this.options.callTimeoutMs;
    const { networks, containers, inspected } = await listAll(this.docker, signal, this.#known, ms);
    const version = await patiently((s) => engineVersion(this.docker, s), signal, ms);
    const place = await patiently((s) => swarmPlace(this.docker, s), signal, ms);
    const lists = place ? await patiently((s) => listSwarm(this.docker, place, networks, s), signal, ms) : null;
    this.#known.replace(containers);
    this.log.debug({ containers: containers.length, inspected }, 'relisted');
    this.#swarm = place;
    const fresh = fromEngine(networks, containers, 0, lists);
    this.store.update(() => fresh);
    this.#setStatus({ reachable: true, version: version.Version, apiVersion: version.ApiVersion });
    this.#queue.resume();
    if (place) this.#rereadOverlaysAfterRelist();
    this.#followTasksInTransit();
  }

  /**
   * A relist's verbose inspects can predate what gossip has not yet brought (a task started on
   * another node just before): the overlays are read again as it settles, not only at the next poll.
   */
  #rereadOverlaysAfterRelist(): void {
    const epoch = this.#epoch;
    for (const ms of GOSSIP_DELAYS_MS) {
      setTimeout(() => {
        if (epoch !== this.#epoch || this.#stopped) return;
        for (const n of Object.values(this.store.current.networks))
          if (n.scope === 'swarm') this.#queue.enqueue({ kind: 'members', id: n.id });
      }, ms).unref();
    }
  }

  /** One inspect of the object, applied to the store as its own patch. */
  async #readObject(target: Target, superseded: () => boolean): Promise<void> {
    const epoch = this.#epoch;
    // Events read from here on start the clock for the next read of this object.
    const key = `${target.kind}:${target.id}`;
    const readAt = this.#eventReadAt.get(key);
    this.#eventReadAt.delete(key);
    const cycle = this.#cycle.signal;
    // Each retry of an object waits longer for its answer: a busy engine is slow for all of them.
    const deadline = AbortSignal.timeout(this.options.callTimeoutMs * Math.min(1 + (this.#retries.get(key) ?? 0), 6));
    try {
      const before = target.kind === 'service' ? this.store.current.services[target.id]?.networks : undefined;
      const change = await readChange(
        this.docker,
        target,
        () => this.store.current,
        superseded,
        AbortSignal.any([cycle, deadline]),
        this.#swarm,
        this.#known,
      );
      // A read begun before a reconnect may be older than the relist that followed it.
      if (epoch !== this.#epoch) return;
      this.#retries.delete(key);
      const patch = this.store.update(change);
      if (patch && readAt !== undefined) this.emit('applied', readAt);
      if (target.kind === 'service') this.#followService(target.id, before ?? [], readAt !== undefined);
      if (target.kind === 'service' || target.kind === 'tasks') this.#followTasksInTransit();
    } catch (err) {
      if (isEngineAnswer(err)) {
        this.log.warn({ err, target }, 'engine refused a read');
        return;
      }
      // The connection is being torn down: the relist that follows catches up on this object.
      if (cycle.aborted || epoch !== this.#epoch) return;
      this.#retryLater(target, key, readAt, err);
    }
  }

  /**
   * A read that failed without an answer (slow, or a connection that broke) is made again later,
   * for this object alone, with a growing pause. If the engine is really gone the stream ends too,
   * and the reconnect drops these retries.
   */
  #retryLater(target: Target, key: string, readAt: number | undefined, err: unknown): void {
    const failures = (this.#retries.get(key) ?? 0) + 1;
    this.#retries.set(key, failures);
    const delay = RETRY_DELAYS_MS[Math.min(failures, RETRY_DELAYS_MS.length) - 1] ?? 30_000;
    if (failures === 1) this.log.warn({ err, target, retryInMs: delay }, 'engine read failed; reading it again later');
    // The clock of an event not yet shown keeps running from the event, across the retries.
    if (readAt !== undefined && !this.#eventReadAt.has(key)) this.#eventReadAt.set(key, readAt);
    const epoch = this.#epoch;
    setTimeout(() => {
      if (epoch === this.#epoch && !this.#stopped) this.#queue.enqueue(target);
    }, delay).unref();
  }

  /**
   * A service's networks (before and after the change) hold its tasks' endpoints; and its tasks
   * keep changing for seconds after the event that announced them: read again as they settle.
   */
  #followService(serviceId: string, before: string[], fromEvent: boolean): void {
    const after = this.store.current.services[serviceId]?.networks ?? [];
    for (const id of new Set([...before, ...after])) this.#queue.enqueue({ kind: 'members', id });
    if (!fromEvent) return;
    const epoch = this.#epoch;
    for (const ms of SERVICE_FOLLOW_UPS_MS) {
      setTimeout(() => {
        if (epoch === this.#epoch && !this.#stopped) this.#queue.enqueue({ kind: 'service', id: serviceId });
      }, ms).unref();
    }
  }

  /** Tasks change state without an event: a service with a task in transit is read again until it settles. */
  #followTasksInTransit(): void {
    if (!this.#swarm?.manager) return;
    const epoch = this.#epoch;
    for (const [id, ms] of this.#taskFollowUps.after(servicesInTransit(this.store.current))) {
      setTimeout(() => {
        if (epoch !== this.#epoch || this.#stopped) return;
        this.#taskFollowUps.fired(id);
        this.#queue.enqueue({ kind: 'service', id });
      }, ms).unref();
    }
  }

  /** Gossip has no events here: re-read it on a timer, and notice a swarm joined or left. */
  async #pollSwarm(): Promise<void> {
    if (!this.#stream || this.#stopped || !this.#status.reachable || this.#polling) return;
    // Outside a swarm only joining one matters: asked every NOT_IN_SWARM_EVERY polls, not every one.
    if (!this.#swarm && this.#pollsOutside++ % NOT_IN_SWARM_EVERY !== 0) return;
    const epoch = this.#epoch;
    let place: SwarmPlace | null;
    this.#polling = true;
    try {
      place = await swarmPlace(this.docker, AbortSignal.any([this.#cycle.signal, AbortSignal.timeout(this.options.callTimeoutMs)]));
    } catch {
      return; // a slow engine: the watchdog decides whether it is gone
    } finally {
      this.#polling = false;
    }
    if (epoch !== this.#epoch) return;
    const was = this.#swarm;
    if ((place === null) !== (was === null) || (place && was && (place.manager !== was.manager || place.selfId !== was.selfId))) {
      this.log.info({ swarm: place ? (place.manager ? 'manager' : 'worker') : 'none' }, 'engine changed its place in a swarm; relisting');
      this.#destroyStream();
      return;
    }
    if (!place) return;
    for (const n of Object.values(this.store.current.networks)) if (n.scope === 'swarm') this.#queue.enqueue({ kind: 'members', id: n.id });
    const gateway = gatewayOf(this.store.current);
    if (gateway) this.#queue.enqueue({ kind: 'gateway', id: gateway });
    if (place.manager) {
      this.#queue.enqueue({ kind: 'tasks', id: '' });
      this.#queue.enqueue({ kind: 'nodes', id: '' });
    }
  }

  async #checkPing(): Promise<void> {
    if (!this.#stream || this.#stopped) return;
    // Events arriving prove the stream alive; a busy engine's ping would only add to its load.
    if (performance.now() - this.#lastHeardAt < this.options.watchdogMs) return;
    try {
      await pingEngine(this.docker, AbortSignal.timeout(this.options.watchdogMs));
    } catch (err) {
      this.log.warn({ err }, 'engine ping failed; reconnecting');
      this.#destroyStream();
    }
  }

  #destroyStream(): void {
    const stream = this.#stream;
    this.#stream = null;
    stream?.destroy();
    this.#cycle.abort();
  }

  #setStatus(status: EngineStatus): void {
    const changed = status.reachable !== this.#status.reachable || status.version !== this.#status.version;
    this.#status = status;
    if (changed) this.emit('engine', status);
  }
}
