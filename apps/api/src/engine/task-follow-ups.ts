/**
 * How long to wait before looking again at a service whose tasks were seen in transit, per look.
 * About a minute in all; past it, the swarm poll (if any) keeps looking.
 */
export const TASK_FOLLOW_UPS_MS = [500, 1000, 2000, 4000, 8000, 15_000, 30_000];

/**
 * The engine emits no event when a task's state changes (its worker tells the manager), and an
 * event that triggered a read can come before the manager knows: without another look, a task
 * read while `starting` would stay `starting` until the next poll. Which services to look at
 * again, and when; at most one look per service is waiting at a time.
 */
export class TaskFollowUps {
  /** Per service: how many looks it has had while its tasks moved. */
  #looks = new Map<string, number>();
  #waiting = new Set<string>();

  /** After a read that holds tasks: the services still moving that need another look, with its delay. */
  after(moving: readonly string[]): [serviceId: string, delayMs: number][] {
    const still = new Set(moving);
    for (const id of this.#looks.keys()) if (!still.has(id) && !this.#waiting.has(id)) this.#looks.delete(id);
    const due: [string, number][] = [];
    for (const id of still) {
      if (this.#waiting.has(id)) continue;
      const looks = this.#looks.get(id) ?? 0;
      const delay = TASK_FOLLOW_UPS_MS[looks];
      if (delay === undefined) continue;
      this.#looks.set(id, looks + 1);
      this.#waiting.add(id);
      due.push([id, delay]);
    }
    return due;
  }

  /** The look's timer fired: its read is queued. */
  fired(serviceId: string): void {
    this.#waiting.delete(serviceId);
  }

  /** A new connection starts from its relist: nothing waiting is owed any more. */
  clear(): void {
    this.#looks.clear();
    this.#waiting.clear();
  }
}
