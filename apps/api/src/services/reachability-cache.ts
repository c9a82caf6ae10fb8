import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import pLimit from 'p-limit';
import { ReachPairSchema } from '@bridgeboard/contract';
import { reachability, type Topology } from '@bridgeboard/topology';
import type { TopologyStore } from '../engine/topology-store.js';
import { BridgeboardError } from '../errors.js';

/** `GET /api/engines/:engine/reachability`'s answer, `{ "pairs": [...] }`, as JSON text in pieces (sent as they are). */
export interface ReachabilityAnswer {
  rev: number;
  chunks: readonly Buffer[];
  bytes: number;
}

export interface ReachabilityCacheOptions {
  /** All pairs of more containers than this is refused (quadratic work, and an answer of ~100 MB). */
  allPairsMax: number;
  /** How long one slice of work may hold the event loop before it yields (ms, wall clock). */
  sliceMs?: number;
  /** The answers kept for the current rev, in bytes; the least recently asked go first. */
  maxBytes?: number;
  /** Called once per computed answer (the route counts them in /metrics). */
  onComputed?: (computed: { scope: 'all' | 'from'; rev: number; ms: number; bytes: number }) => void;
}

interface Entry {
  answer: Promise<ReachabilityAnswer>;
  /** 0 until the answer is in. */
  bytes: number;
}

/**
 * Slices on the event loop, not a worker thread: the core runs here as it runs everywhere else
 * (no second module graph to build and load from dist, tsx and vitest alike, no copy of the
 * topology into a worker, ~20 ms of the loop at 2,000 containers, and of ~24 MB back), and with
 * one computation per rev and scope a slice holds the other requests up for at most `sliceMs`
 * plus one step: a call of the core or the JSON of its pairs.
 */
const SLICE_MS = 5;
/**
 * Pairs per call of the core, at most, in a longer row. A row of 2,000 pairs took up to 85 ms of
 * the loop in its first calls (V8 still optimizing the core), 4–8 ms after; a call also indexes
 * the whole topology once (~1 ms at 2,000 containers), so a row of 2,000 in 8 calls costs ~1.5×.
 */
const PIECE = 250;
const MAX_BYTES = 64 * 1024 * 1024;
/** Only the schema's fields, in its order: what Fastify's serializer would have written. */
const FIELDS = Object.keys(ReachPairSchema.properties);
const OPEN = Buffer.from('{"pairs":[');
const CLOSE = Buffer.from(']}');

/**
 * Reachability answers, computed once per topology rev and scope and shared: requests for the
 * same (rev, scope) wait for one computation, and a new rev drops every answer of the old one
 * (a computation already running still answers the requests that asked during its rev). The
 * pairs and their JSON are made in slices that yield to the event loop. Issue 11, item 6: each
 * request computed and serialized its answer in one piece, so 20 viewers asking for all pairs of
 * 300 containers (90k pairs, 23 MB of JSON) held the loop for 13 s.
 */
export class ReachabilityCache {
  #rev = -1;
  /** Answers of `#rev` by scope, least recently asked first. */
  readonly #answers = new Map<string, Entry>();
  readonly #closing = new AbortController();
  readonly #drop = () => this.#answers.clear();
  /**
   * One computation at a time. Slices of several would run back to back in one turn of the loop
   * (a turn runs every setImmediate callback queued before it), and 20 viewers asking from 20
   * containers at once held the loop for 20 rows.
   */
  readonly #queue = pLimit(1);

  constructor(
    private readonly store: TopologyStore,
    private readonly opts: ReachabilityCacheOptions,
  ) {
    // Dropped as soon as the rev changes, not at the next request: the old answers are dead weight.
    store.on('patch', this.#drop);
  }

  /** Every ordered pair (`from` undefined) or those from the container named `from`, at the current rev. */
  async answer(from?: string): Promise<ReachabilityAnswer> {
    if (this.#closing.signal.aborted) throw new BridgeboardError('unavailable', 'the server is shutting down');
    const t = this.store.current;
    if (t.rev !== this.#rev) {
      this.#answers.clear();
      this.#rev = t.rev;
    }
    const n = Object.keys(t.containers).length;
    if (from === undefined && n > this.opts.allPairsMax)
      throw new BridgeboardError('invalid', `all pairs of ${n} containers is too much at once: ask from one container (from=…)`);
    const key = from === undefined ? '*' : `from ${from}`;
    const known = this.#answers.get(key);
    if (known) {
      this.#answers.delete(key);
      this.#answers.set(key, known);
      return known.answer;
    }
    const entry: Entry = { answer: this.#queue(() => this.#compute(t, from)), bytes: 0 };
    this.#answers.set(key, entry);
    entry.answer.then(
      (done) => {
        entry.bytes = done.bytes;
        this.#evict(entry);
      },
      // A failed computation is not kept: the next request tries again.
      () => this.#answers.get(key) === entry && this.#answers.delete(key),
    );
    return entry.answer;
  }

  /** Answers kept for the current rev (settled or not). */
  get size(): number {
    return this.#answers.size;
  }

  /** Stops running computations (their requests get 503) and lets go of the store. */
  close(): void {
    this.#closing.abort();
    this.store.off('patch', this.#drop);
    this.#answers.clear();
  }

  /** The next turn of the event loop; refuses to go on once the cache is closed. */
  async #yield(): Promise<void> {
    await nextTurn();
    if (this.#closing.signal.aborted) throw new BridgeboardError('unavailable', 'the server is shutting down');
  }

  async #compute(t: Topology, from: string | undefined): Promise<ReachabilityAnswer> {
    // A turn of its own: not in the request's callback, nor right after the previous computation.
    await this.#yield();
    const started = performance.now();
    // In the core's order (by name), one row per source, a long row in pieces: the whole equals `reachability(t)`.
    const ids = Object.values(t.containers)
      .sort((x, y) => x.name.localeCompare(y.name))
      .map((c) => c.id);
    const sources = from === undefined ? ids : [from];
    const pieces =
      ids.length <= PIECE
        ? [undefined]
        : Array.from({ length: Math.ceil(ids.length / PIECE) }, (_, i) => ids.slice(i * PIECE, (i + 1) * PIECE));
    const chunks: Buffer[] = [OPEN];
    let sliceStart = started;
    /** Yields once this slice has had its time; a call of the core, and the JSON of its pairs, are the steps between. */
    const pause = async () => {
      if (performance.now() - sliceStart < (this.opts.sliceMs ?? SLICE_MS)) return;
      await this.#yield();
      sliceStart = performance.now();
    };
    for (const source of sources) {
      for (const to of pieces) {
        const pairs = reachability(t, to === undefined ? { from: source } : { from: source, to });
        await pause();
        if (pairs.length > 0) chunks.push(Buffer.from((chunks.length > 1 ? ',' : '') + JSON.stringify(pairs, FIELDS).slice(1, -1)));
        await pause();
      }
    }
    chunks.push(CLOSE);
    const bytes = chunks.reduce((sum, c) => sum + c.length, 0);
    this.opts.onComputed?.({ scope: from === undefined ? 'all' : 'from', rev: t.rev, ms: performance.now() - started, bytes });
    return { rev: t.rev, chunks, bytes };
  }

  /** Keeps the current rev's answers under `maxBytes`, dropping the least recently asked (never `kept`). */
  #evict(kept: Entry): void {
    let total = 0;
    for (const e of this.#answers.values()) total += e.bytes;
    for (const [key, e] of this.#answers) {
      if (total <= (this.opts.maxBytes ?? MAX_BYTES)) return;
      if (e === kept || e.bytes === 0) continue;
      this.#answers.delete(key);
      total -= e.bytes;
    }
  }
}
