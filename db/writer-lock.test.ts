import { describe, expect, it } from "vitest";
import { WriterLock } from "./writer-lock";

describe("the writer lock", () => {
  it("lets one holder in at a time, in turn", async () => {
    const lock = new WriterLock();
    const order: string[] = [];
    const hold = async (name: string) => {
      await lock.acquire();
      order.push(`${name} in`);
      await Promise.resolve();
      await Promise.resolve();
      order.push(`${name} out`);
      lock.release();
    };
    await Promise.all([hold("a"), hold("b"), hold("c")]);
    expect(order).toEqual(["a in", "a out", "b in", "b out", "c in", "c out"]);
  });

  it("runs other work at once when free and only between holders when not", async () => {
    const lock = new WriterLock();
    expect(lock.whenIdle(() => "now")).toBe("now");
    await lock.acquire();
    const seen: boolean[] = [];
    const waited = lock.whenIdle(() => seen.push(lock.held));
    expect(seen).toEqual([]);
    lock.release();
    await waited;
    expect(seen).toEqual([false]);
  });
});
