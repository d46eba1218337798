import type { Clock } from '../../core/ports';

/** A Clock that moves only when a test says so: expiry and rate windows become deterministic. */
export class ManualClock implements Clock {
  constructor(private current: number = Date.parse('2026-03-01T12:00:00.000Z')) {}

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(epochMs: number): void {
    this.current = epochMs;
  }
}
