import { afterEach, describe, expect, it, vi } from "vitest";
import type { SpanEdit } from "@/domain/span-edits";
import { SpanHistory } from "./span-history";

function stubStorage(values: Record<string, string>) {
  vi.stubGlobal("sessionStorage", {
    getItem: (key: string) => values[key] ?? null,
    setItem: (key: string, value: string) => {
      values[key] = value;
    },
    removeItem: (key: string) => {
      delete values[key];
    },
  });
  return values;
}

const add: SpanEdit = { kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] };
const unrelate: SpanEdit = {
  kind: "unrelate",
  relations: [
    {
      source: { start: 0, end: 3, labelId: 1 },
      target: { start: 4, end: 6, labelId: 1 },
      typeId: 2,
    },
  ],
};

describe("SpanHistory", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("keeps steps of several edits across a reload of the tab", () => {
    const storage = stubStorage({});
    const history = new SpanHistory(1, 3);
    history.record([unrelate, { kind: "delete", spans: add.spans }]);
    history.save(4);
    expect(JSON.parse(storage["concord:span-history:1"] ?? "{}").undo).toHaveLength(1);
    const reloaded = new SpanHistory(1, 4);
    expect(reloaded.peek("undo")).toEqual([unrelate, { kind: "delete", spans: add.spans }]);
  });

  it("drops steps stored as single edits, as stacks were before a step held several", () => {
    stubStorage({
      "concord:span-history:1": JSON.stringify({ version: 4, undo: [add, [add]], redo: [add] }),
    });
    const history = new SpanHistory(1, 4);
    expect(history.takeUndo()).toEqual([add]);
    expect(history.canUndo).toBe(false);
    expect(history.canRedo).toBe(true);
    expect(history.takeRedo()).toEqual([add]);
  });
});
