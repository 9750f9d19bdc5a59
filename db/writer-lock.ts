/**
 * One SQLite connection serves every request of the process, and a transaction on it is open to
 * whatever runs on the connection meanwhile. Transactions here await (the code is written once for
 * PostgreSQL too), so another request's statements could land inside one: read what it has not
 * committed, or be rolled back with it. The lock makes them wait: one transaction at a time, and
 * no statement outside a transaction while one is open.
 */
export class WriterLock {
  #held = false;
  #waiting: (() => void)[] = [];

  get held(): boolean {
    return this.#held;
  }

  /** Resolves once no transaction is open; by then another may have begun, so check again. */
  whenFree(): Promise<void> {
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async acquire(): Promise<void> {
    while (this.#held) await this.whenFree();
    this.#held = true;
  }

  release(): void {
    this.#held = false;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const wake of waiting) wake();
  }

  /** Runs `work` now if no transaction is open, else as soon as none is. */
  whenIdle<T>(work: () => T): T | Promise<T> {
    if (!this.#held) return work();
    return this.whenFree().then(() => this.whenIdle(work));
  }
}
