import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import type { SpanContent } from "@/domain/span-edits";
import { SpanStore, type SpanApi } from "./span-store";

type Stored = SpanContent & { id: number };

/** A server in memory that records its calls and can be told to fail the next few. */
function fakeServer(spans: Stored[] = []) {
  const state = { spans: [...spans], version: 1, nextId: 100 };
  const calls: string[] = [];
  const failures: Error[] = [];
  const answer = async <T>(call: string, work: () => T) => {
    calls.push(call);
    const failure = failures.shift();
    if (failure) throw failure;
    return { ...work(), version: ++state.version };
  };
  const add = (span: SpanContent) => {
    const stored = { id: state.nextId++, ...span };
    state.spans.push(stored);
    return stored;
  };
  const api: SpanApi = {
    addSpan: ({ documentId: _, ...span }) =>
      answer(`add ${span.start}-${span.end}`, () => ({ span: add(span) })),
    addSpans: ({ spans: many }) => answer(`add ${many.length}`, () => ({ spans: many.map(add) })),
    relabelSpan: ({ spanId, labelId }) =>
      answer(`relabel ${spanId}`, () => {
        const span = state.spans.find((candidate) => candidate.id === spanId);
        if (!span) throw new Error(`no span ${spanId}`);
        span.labelId = labelId;
        return { span: { ...span } };
      }),
    deleteSpan: ({ spanId }) =>
      answer(`delete ${spanId}`, () => {
        state.spans = state.spans.filter((span) => span.id !== spanId);
        return {};
      }),
    deleteSpans: ({ spanIds }) =>
      answer(`delete ${spanIds.join(",")}`, () => {
        state.spans = state.spans.filter((span) => !spanIds.includes(span.id));
        return {};
      }),
    submit: () => answer("submit", () => ({ status: "submitted" as const })),
  };
  return { api, calls, failures, state };
}

function newStore(server: ReturnType<typeof fakeServer>, allowOverlap = false) {
  const layer = { spans: [...server.state.spans], status: "in_progress" as const, version: 1 };
  return new SpanStore(1, layer, server.api, allowOverlap);
}

const settled = (store: SpanStore) =>
  vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("saved"));

const shown = (store: SpanStore) =>
  store.getSnapshot().spans.map((span) => `${span.start}-${span.end}:${span.labelId}`);

const refusal = (message: string) =>
  new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { httpStatus: 400 } } },
  });

describe("SpanStore", () => {
  it("shows an added span at once, then the server's, with its id and version", async () => {
    const server = fakeServer();
    const store = newStore(server);
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    const unsaved = store.getSnapshot().spans[0];
    expect(unsaved).toMatchObject({ start: 0, end: 3, saveState: "saving" });
    expect(unsaved?.id).toBeLessThan(0);

    await settled(store);
    expect(store.getSnapshot().spans).toEqual([{ id: 100, start: 0, end: 3, labelId: 1 }]);
    expect(store.getSnapshot().version).toBe(server.state.version);
  });

  it("saves in order, so a change to an unsaved span uses the id the server gave it", async () => {
    const server = fakeServer();
    const store = newStore(server);
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    store.perform({ kind: "relabel", start: 0, end: 3, from: 1, to: 2 });
    expect(shown(store)).toEqual(["0-3:2"]);
    await settled(store);
    expect(server.calls).toEqual(["add 0-3", "relabel 100"]);
    expect(server.state.spans).toEqual([{ id: 100, start: 0, end: 3, labelId: 2 }]);
  });

  it("keeps a failed save on screen as failed, and retries it until it goes through", async () => {
    const server = fakeServer();
    const store = newStore(server);
    server.failures.push(new TypeError("Failed to fetch"));
    store.perform({ kind: "add", spans: [{ start: 4, end: 7, labelId: 1 }] });
    await vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("failed"));
    expect(store.getSnapshot().spans[0]?.saveState).toBe("failed");

    store.retryNow();
    await settled(store);
    expect(server.calls).toEqual(["add 4-7", "add 4-7"]);
    expect(shown(store)).toEqual(["4-7:1"]);
  });

  it("drops a change the server refuses, says why, and leaves nothing to undo", async () => {
    const server = fakeServer();
    const store = newStore(server);
    server.failures.push(refusal("label 9 does not belong to this project"));
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 9 }] });
    await settled(store);
    expect(shown(store)).toEqual([]);
    expect(store.getSnapshot().refusal).toBe("label 9 does not belong to this project");
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("refuses an overlapping span at once where the project forbids overlaps", () => {
    const server = fakeServer([{ id: 1, start: 0, end: 8, labelId: 1 }]);
    const strict = newStore(server);
    const problem = strict.perform({ kind: "add", spans: [{ start: 4, end: 13, labelId: 2 }] });
    expect(problem).toMatch(/span 4-13 overlaps span 0-8/);
    expect(strict.getSnapshot().refusal).toBe(problem);
    expect(server.calls).toEqual([]);
    const loose = newStore(server, true);
    expect(loose.perform({ kind: "add", spans: [{ start: 4, end: 13, labelId: 2 }] })).toBeNull();
  });

  it("undoes by saving the inverse change, and redoes by saving the change again", async () => {
    const server = fakeServer([{ id: 1, start: 0, end: 3, labelId: 1 }]);
    const store = newStore(server);
    store.perform({ kind: "delete", spans: [{ start: 0, end: 3, labelId: 1 }] });
    store.perform({
      kind: "add",
      spans: [
        { start: 4, end: 7, labelId: 1 },
        { start: 8, end: 11, labelId: 1 },
      ],
    });
    await settled(store);
    expect(store.undo()).toBeNull();
    await settled(store);
    expect(shown(store)).toEqual([]);
    expect(store.undo()).toBeNull();
    await settled(store);
    expect(shown(store)).toEqual(["0-3:1"]);
    expect(store.undo()).toBe("Nothing to undo.");
    expect(store.redo()).toBeNull();
    await settled(store);
    expect(shown(store)).toEqual([]);
    expect(server.calls).toEqual(["delete 1", "add 2", "delete 100,101", "add 0-3", "delete 102"]);
    expect(server.state.spans).toEqual([]);
  });
});
