/**
 * "First usable board", issue 13's goal (≤ 1.0 s at 2,000 containers): computed after the page
 * load from what the page's sampler logged (web-page.ts), so it needs no hook in the app.
 */

/** One change the sampler saw to the viewport transform or to the bbwebbench- bridges in the DOM. */
export interface BridgeChange {
  /** ms since navigation start (the frame's time). */
  t: number;
  /** bbwebbench- bridges in the DOM, and how many of them React Flow had not measured yet (hidden). */
  bridges: number;
  hidden: number;
}

export interface LongTask {
  start: number;
  duration: number;
}

/** How long the main thread must stay free of long tasks for the board to count as usable. */
export const FREE_MS = 100;

/**
 * The frame of the last change to the viewport or to the bbwebbench- bridges in the DOM, all of
 * them measured (the fit view has settled and every bridge it shows is drawn), then moved past
 * every long task that overlaps the FREE_MS after it: the first moment from which the board was
 * drawn and the page answered input within 100 ms. NaN when no bridge was ever drawn measured.
 */
export function firstUsable(log: BridgeChange[], longtasks: LongTask[]): number {
  const last = log.at(-1);
  if (!last || last.bridges === 0 || last.hidden > 0) return Number.NaN;
  let at = last.t;
  for (let moved = true; moved;) {
    moved = false;
    for (const task of longtasks) {
      const end = task.start + task.duration;
      if (task.start < at + FREE_MS && end > at) {
        at = end;
        moved = true;
      }
    }
  }
  return at;
}
