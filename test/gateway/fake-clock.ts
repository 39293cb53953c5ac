import type { Clock } from '../../src/jira/retry-policy';

/** A clock whose sleeps return at once and move time forward: retry tests never wait for real. */
export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private time = 1_000_000) {}
  now(): number {
    return this.time;
  }
  sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.time += ms;
    return Promise.resolve();
  }
}
