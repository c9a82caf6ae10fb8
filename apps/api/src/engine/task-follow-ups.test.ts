import { describe, expect, it } from 'vitest';
import { TASK_FOLLOW_UPS_MS, TaskFollowUps } from './task-follow-ups.js';

describe('TaskFollowUps', () => {
  it('looks again at a moving service with growing pauses, one look waiting at a time, and stops after the last', () => {
    const f = new TaskFollowUps();
    expect(f.after(['a'])).toEqual([['a', TASK_FOLLOW_UPS_MS[0]]]);
    // Another read while the look waits asks for nothing more.
    expect(f.after(['a'])).toEqual([]);
    const delays: number[] = [TASK_FOLLOW_UPS_MS[0] ?? 0];
    for (;;) {
      f.fired('a');
      const next = f.after(['a']);
      if (next.length === 0) break;
      delays.push(next[0]?.[1] ?? -1);
    }
    expect(delays).toEqual(TASK_FOLLOW_UPS_MS);
  });

  it('starts over for a service that settled and moves again (a scale, an update)', () => {
    const f = new TaskFollowUps();
    f.after(['a']);
    f.fired('a');
    f.after(['a']);
    f.fired('a');
    expect(f.after([])).toEqual([]);
    expect(f.after(['a', 'b'])).toEqual([
      ['a', TASK_FOLLOW_UPS_MS[0]],
      ['b', TASK_FOLLOW_UPS_MS[0]],
    ]);
  });

  it('forgets everything at a new connection', () => {
    const f = new TaskFollowUps();
    f.after(['a']);
    f.clear();
    expect(f.after(['a'])).toEqual([['a', TASK_FOLLOW_UPS_MS[0]]]);
  });
});
