import { isRefusal } from "../../../../_trpc/query-client";

export type Queued<T> = { change: T; failed: boolean };

type Handlers<T> = {
  save(change: T): Promise<void>;
  /** The server said no: the change is dropped, and so is any later one that depended on it. */
  refused(change: T, error: unknown): void;
  /** Something to show moved: a change queued, saved, dropped, failed or retried. */
  changed(): void;
  /** Every queued change is saved or dropped. */
  idle(): void;
};

/**
 * Saves changes one at a time, in order, so a change to an unsaved span reaches the server after
 * the span does. A save that fails for want of a server is retried with growing pauses (30 s at
 * most) until it goes through, and `retryNow` skips the pause; one the server refuses is dropped.
 */
export class SaveQueue<T> {
  private queued: Queued<T>[] = [];
  private running = false;
  private wake: (() => void) | null = null;

  constructor(private readonly handlers: Handlers<T>) {}

  get items(): readonly Queued<T>[] {
    return this.queued;
  }

  push(change: T) {
    this.queued.push({ change, failed: false });
    this.handlers.changed();
    void this.run();
  }

  retryNow() {
    this.wake?.();
  }

  private async run() {
    if (this.running) return;
    this.running = true;
    let attempt = 0;
    for (let item = this.queued[0]; item; item = this.queued[0]) {
      try {
        await this.handlers.save(item.change);
        this.queued.shift();
        attempt = 0;
      } catch (error) {
        if (isRefusal(error)) {
          this.queued.shift();
          this.handlers.refused(item.change, error);
        } else {
          item.failed = true;
          this.handlers.changed();
          await this.pause(Math.min(30_000, 2_000 * 2 ** attempt++));
          item.failed = false;
        }
      }
      this.handlers.changed();
    }
    this.running = false;
    this.handlers.idle();
  }

  private pause(ms: number) {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.wake?.(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }
}
