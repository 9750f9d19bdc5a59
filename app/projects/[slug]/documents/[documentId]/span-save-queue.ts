import { isConflict, isRefusal } from "../../../../_trpc/query-client";

export type Queued<T> = { change: T; failed: boolean };

type Handlers<T> = {
  save(change: T): Promise<void>;
  /** The server said no: the change is dropped, and so is any later one that depended on it. */
  refused(change: T, error: unknown): void;
  /**
   * The server refused a change as made over an older version of the layer: reload the layer and
   * answer which of `changes` (every queued one, in order, the refused one first) to save over it.
   */
  rebase(changes: readonly T[]): Promise<T[]>;
  /** Something to show moved: a change queued, saved, dropped, failed or retried. */
  changed(): void;
  /** Every queued change is saved or dropped. */
  idle(): void;
};

/**
 * Saves changes one at a time, in order, so a change to an unsaved span reaches the server after
 * the span does. A save that fails for want of a server is retried with growing pauses (30 s at
 * most) until it goes through, and `retryNow` skips the pause; one the server refuses is dropped;
 * one made over a layer that changed elsewhere is rebased on the layer as it is now.
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
        if (isConflict(error) && (await this.rebase())) {
          attempt = 0;
        } else if (isRefusal(error) && !isConflict(error)) {
          this.queued.shift();
          this.handlers.refused(item.change, error);
        } else {
          // No answer, or a conflict whose reload failed: the same save asks again later.
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

  /** Replaces the queued changes by their rebased selves; false when the layer did not reload. */
  private async rebase(): Promise<boolean> {
    const rebased = this.queued.slice();
    try {
      const kept = await this.handlers.rebase(rebased.map((item) => item.change));
      // Changes queued while the layer reloaded come after, to be saved as they are.
      const later = this.queued.filter((item) => !rebased.includes(item));
      this.queued = [...kept.map((change) => ({ change, failed: false })), ...later];
      return true;
    } catch {
      return false;
    }
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
