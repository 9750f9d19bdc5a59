import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { withDetails, type LayerSpan } from "@/domain/layer-state";
import {
  compareSpanContent,
  spanKey,
  type RelationContent,
  type SpanEdit,
  type StoredSpan,
} from "@/domain/span-edits";
import { planSpanEdits, type LayerRules } from "@/domain/span-edits-check";
import type { TextSpan } from "../../../../_components/text/types";
import { SpanStore, type Layer, type SpanApi } from "./span-store";

const text = "Ana met Bob and Cy in New York.";
const [meets, locatedIn] = [5, 6];
const rules = (allowOverlap = false): LayerRules => ({
  text,
  allowOverlap,
  labels: new Map([
    [1, "PER"],
    [2, "ORG"],
    [3, "LOC"],
  ]),
  scheme: {
    relationTypes: [
      { id: meets, name: "meets", directed: false, sourceLabelIds: [], targetLabelIds: [] },
      {
        id: locatedIn,
        name: "located_in",
        directed: true,
        sourceLabelIds: [1],
        targetLabelIds: [3],
      },
    ],
    attributes: [{ id: 1, labelId: 1, name: "negated", kind: "boolean", options: [] }],
    documentLabelSets: [],
  },
});

const range = ({ start, end }: { start: number; end: number }) => `${start}-${end}`;
const describeEdit = (edit: SpanEdit) => {
  switch (edit.kind) {
    case "relabel":
      return `relabel ${range(edit)} ${edit.from}>${edit.to}`;
    case "add":
    case "delete":
      return `${edit.kind} ${edit.spans.map(range).join(",")}`;
    case "resize":
      return `resize ${range(edit.span)}>${range(edit)}`;
    case "describe":
      return `describe ${range(edit.span)}`;
    case "relate":
    case "unrelate":
      return `${edit.kind} ${edit.relations.map((r) => `${range(r.source)}>${range(r.target)}`).join(",")}`;
    case "choose":
      return `choose ${edit.setId}`;
  }
};
const full = (span: StoredSpan): TextSpan => ({ ...withDetails(span), id: span.id });

/**
 * A server in memory, judging edits with the same domain check as the real one and refusing a
 * write over another version than its own, that records its calls and can be told to fail the
 * next few. `elsewhere` changes the layer as another tab would.
 */
function fakeServer(spans: StoredSpan[] = [], allowOverlap = false) {
  const state = {
    spans: spans.map(full).sort(compareSpanContent),
    relations: [] as RelationContent[],
    choices: [] as number[],
    status: "in_progress" as Layer["status"],
    version: 1,
    nextId: 100,
  };
  const calls: string[] = [];
  const failures: Error[] = [];
  /** How many of the next answers are lost on the way back, after the server did the work. */
  const lost = { answers: 0 };
  const answer = async <T>(call: string, baseVersion: number, work: () => T) => {
    calls.push(call);
    const failure = failures.shift();
    if (failure) throw failure;
    if (baseVersion !== state.version) throw refusal("changed in another tab", 409);
    const result = { ...work(), version: ++state.version };
    if (lost.answers-- > 0) throw new TypeError("Failed to fetch");
    return result;
  };
  const apply = (edits: SpanEdit[]) => {
    const plan = planSpanEdits(rules(allowOverlap), state, edits);
    const stored = (span: LayerSpan): TextSpan =>
      "id" in span ? (span as TextSpan) : { id: state.nextId++, ...span };
    state.spans = plan.state.spans.map(stored);
    state.relations = [...plan.state.relations];
    state.choices = [...plan.state.choices];
    state.status = "in_progress";
  };
  const elsewhere = (change: SpanEdit | "submit") => {
    if (change === "submit") state.status = "submitted";
    else apply([change]);
    state.version++;
  };
  const into = { source: null as { write(layer: Layer): void } | null };
  const api: SpanApi = {
    edit: ({ edits, baseVersion }) =>
      answer(edits.map(describeEdit).join("; "), baseVersion, () => {
        apply(edits);
        const wanted = new Set(
          edits.flatMap((edit) => {
            if (edit.kind === "add") return edit.spans.map(spanKey);
            if (edit.kind === "relabel") return [spanKey({ ...edit, labelId: edit.to })];
            if (edit.kind === "resize") {
              return [spanKey({ ...edit.span, start: edit.start, end: edit.end })];
            }
            return edit.kind === "describe" ? [spanKey(edit.span)] : [];
          }),
        );
        return { spans: state.spans.filter((span) => wanted.has(spanKey(span))) };
      }),
    submit: ({ baseVersion }) =>
      answer("submit", baseVersion, () => {
        state.status = "submitted";
        return { status: "submitted" as const };
      }),
    reload: async () => {
      calls.push("reload");
      into.source?.write({
        spans: [...state.spans],
        relations: [...state.relations],
        choices: [...state.choices],
        status: state.status,
        version: state.version,
      });
    },
  };
  return { api, calls, failures, lost, state, elsewhere, into };
}

/** A query cache of one entry, as the page's query cache holds the workspace. */
function memorySource(layer: Layer) {
  const cache = { layer, writes: 0 };
  return {
    cache,
    source: {
      read: () => cache.layer,
      write: (saved: Layer) => {
        cache.layer = saved;
        cache.writes++;
      },
    },
  };
}

function newStore(server: ReturnType<typeof fakeServer>, allowOverlap = false) {
  const { source, cache } = memorySource({
    spans: [...server.state.spans],
    relations: [...server.state.relations],
    choices: [],
    status: "in_progress",
    version: 1,
  });
  server.into.source = source;
  const store = new SpanStore(1, rules(allowOverlap), source, server.api);
  return Object.assign(store, { cache });
}

const settled = (store: SpanStore) =>
  vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("saved"));

const shown = (store: SpanStore) =>
  store.getSnapshot().spans.map((span) => `${span.start}-${span.end}:${span.labelId}`);

function refusal(message: string, httpStatus = 400) {
  return new TRPCClientError(message, {
    result: { error: { message, code: -32600, data: { httpStatus } } },
  });
}

describe("SpanStore", () => {
  it("shows an added span at once, then the server's, with its id and version", async () => {
    const server = fakeServer();
    const store = newStore(server);
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    const unsaved = store.getSnapshot().spans[0];
    expect(unsaved).toMatchObject({ start: 0, end: 3, saveState: "saving" });
    expect(unsaved?.id).toBeLessThan(0);

    await settled(store);
    expect(store.getSnapshot().spans).toEqual([full({ id: 100, start: 0, end: 3, labelId: 1 })]);
    expect(store.getSnapshot().version).toBe(server.state.version);
  });

  it("saves in order, so a change to an unsaved span reaches the server after it", async () => {
    const server = fakeServer();
    const store = newStore(server);
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    store.perform({ kind: "relabel", start: 0, end: 3, from: 1, to: 2 });
    expect(shown(store)).toEqual(["0-3:2"]);
    await settled(store);
    expect(server.calls).toEqual(["add 0-3", "relabel 0-3 1>2"]);
    // A relabel keeps the span's row, and with it the span's relations and details.
    expect(server.state.spans).toEqual([full({ id: 100, start: 0, end: 3, labelId: 2 })]);
    expect(store.getSnapshot().spans).toEqual(server.state.spans);
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
    server.failures.push(refusal("no document 1", 404));
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    await settled(store);
    expect(shown(store)).toEqual([]);
    expect(store.getSnapshot().refusal).toBe("no document 1");
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("refuses an overlapping span at once where the project forbids overlaps", () => {
    const server = fakeServer([{ id: 1, start: 0, end: 8, labelId: 1 }]);
    const strict = newStore(server);
    const problem = strict.perform({ kind: "add", spans: [{ start: 4, end: 13, labelId: 2 }] });
    expect(problem).toBe(
      "“met Bob a” overlaps the PER span “Ana met ”, and this project does not allow overlapping spans",
    );
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
    expect(server.calls).toEqual([
      "delete 0-3",
      "add 4-7,8-11",
      "delete 4-7,8-11",
      "add 0-3",
      "delete 0-3",
    ]);
    expect(server.state.spans).toEqual([]);
  });

  it("refuses what the server would refuse before asking it: a foreign label, a bad offset", () => {
    const server = fakeServer();
    const store = newStore(server);
    expect(store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 9 }] })).toBe(
      "label 9 does not belong to this project",
    );
    expect(store.perform({ kind: "add", spans: [{ start: 0, end: 99, labelId: 1 }] })).toMatch(
      /past the end of the text/,
    );
    expect(server.calls).toEqual([]);
  });

  it("keeps one span when a save is retried after its answer was lost", async () => {
    const server = fakeServer();
    const store = newStore(server);
    server.lost.answers = 1;
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    await vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("failed"));
    store.retryNow();
    await settled(store);
    // The retry names the version before the lost save: refused as stale, the layer reloads.
    expect(server.calls).toEqual(["add 0-3", "add 0-3", "reload"]);
    expect(server.state.spans).toEqual([full({ id: 100, start: 0, end: 3, labelId: 1 })]);
    expect(store.getSnapshot().spans).toEqual(server.state.spans);
  });

  it("records relabelling onto an identical span as deleting it, so undo brings it back", async () => {
    const server = fakeServer(
      [
        { id: 1, start: 0, end: 3, labelId: 1 },
        { id: 2, start: 0, end: 3, labelId: 2 },
      ],
      true,
    );
    const store = newStore(server, true);
    store.perform({ kind: "relabel", start: 0, end: 3, from: 1, to: 2 });
    expect(shown(store)).toEqual(["0-3:2"]);
    await settled(store);
    expect(store.undo()).toBeNull();
    await settled(store);
    expect(shown(store)).toEqual(["0-3:1", "0-3:2"]);
    expect(server.calls).toEqual(["delete 0-3", "add 0-3"]);
  });

  it("keeps the server's layer in its source alone, and follows it when it changes", async () => {
    const server = fakeServer();
    const store = newStore(server);
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    await settled(store);
    expect(store.cache.layer).toMatchObject({
      spans: [{ id: 100, start: 0, end: 3, labelId: 1 }],
      version: server.state.version,
    });
    store.refresh();
    expect(store.getSnapshot().canUndo).toBe(true);

    // Another tab changed the layer: the page refetched, and the old history no longer fits.
    store.cache.layer = {
      spans: [full({ id: 7, start: 8, end: 11, labelId: 2 })],
      relations: [],
      choices: [],
      status: "in_progress",
      version: 9,
    };
    store.refresh();
    expect(shown(store)).toEqual(["8-11:2"]);
    expect(store.getSnapshot().version).toBe(9);
    expect(store.getSnapshot().canUndo).toBe(false);
  });
});

describe("SpanStore over a layer changed in another tab", () => {
  const bob = { id: 1, start: 8, end: 11, labelId: 1 };

  it("keeps the other tab's relabel and says which of its own could not be re-applied", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.elsewhere({ kind: "relabel", start: 8, end: 11, from: 1, to: 3 });
    store.perform({ kind: "relabel", start: 8, end: 11, from: 1, to: 2 });
    await settled(store);
    expect(server.calls).toEqual(["relabel 8-11 1>2", "reload"]);
    expect(server.state.spans).toMatchObject([{ start: 8, end: 11, labelId: 3 }]);
    expect(shown(store)).toEqual(["8-11:3"]);
    expect(store.getSnapshot().conflict).toBe(
      "This document changed in another tab or by another person: reloaded it. Relabelling “Bob” PER to ORG was not re-applied: the PER span “Bob” is not there.",
    );
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("does not delete a span the other tab relabelled, and says so", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.elsewhere({ kind: "relabel", start: 8, end: 11, from: 1, to: 3 });
    store.perform({ kind: "delete", spans: [{ start: 8, end: 11, labelId: 1 }] });
    await settled(store);
    expect(server.calls).toEqual(["delete 8-11", "reload"]);
    expect(shown(store)).toEqual(["8-11:3"]);
    expect(store.getSnapshot().conflict).toMatch(
      /Deleting “Bob” PER was not re-applied: it is LOC now\.$/,
    );
  });

  it("re-applies the unsaved changes that still fit, in order, over the fresh layer", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.elsewhere({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    store.perform({ kind: "add", spans: [{ start: 16, end: 18, labelId: 2 }] });
    store.perform({ kind: "relabel", start: 16, end: 18, from: 2, to: 1 });
    // "Ana met" overlaps the other tab's "Ana": refused; "York" still fits.
    store.perform({
      kind: "add",
      spans: [
        { start: 0, end: 7, labelId: 2 },
        { start: 26, end: 30, labelId: 3 },
      ],
    });
    await settled(store);
    expect(server.calls).toEqual([
      "add 16-18",
      "reload",
      "add 16-18",
      "relabel 16-18 2>1",
      "add 26-30",
    ]);
    expect(shown(store)).toEqual(["0-3:1", "8-11:1", "16-18:1", "26-30:3"]);
    expect(store.getSnapshot().spans).toEqual(server.state.spans);
    expect(store.getSnapshot().conflict).toBe(
      "This document changed in another tab or by another person: reloaded it. “Ana met” ORG was not re-applied: “Ana met” overlaps the PER span “Ana”, and this project does not allow overlapping spans.",
    );
  });

  it("edits a layer the other tab submitted only over it, which takes it back to in progress", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.elsewhere("submit");
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 2 }] });
    await settled(store);
    expect(server.calls).toEqual(["add 0-3", "reload", "add 0-3"]);
    expect(server.state.status).toBe("in_progress");
    expect(store.getSnapshot()).toMatchObject({
      status: "in_progress",
      version: server.state.version,
    });
    expect(store.getSnapshot().conflict).toMatch(
      /reloaded it\. Your unsaved changes were re-applied\.$/,
    );
  });

  it("does not submit a layer that changed under the annotator's eyes", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.elsewhere({ kind: "delete", spans: [{ start: 8, end: 11, labelId: 1 }] });
    store.submit();
    await settled(store);
    expect(server.calls).toEqual(["submit", "reload"]);
    expect(server.state.status).toBe("in_progress");
    expect(store.getSnapshot().conflict).toMatch(
      /Not submitted: check the document and submit again\.$/,
    );
  });

  it("says nothing when the layer only moved by its own save whose answer was lost", async () => {
    const server = fakeServer();
    const store = newStore(server);
    server.lost.answers = 1;
    store.perform({ kind: "add", spans: [{ start: 0, end: 3, labelId: 1 }] });
    await vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("failed"));
    store.retryNow();
    await settled(store);
    expect(server.calls).toEqual(["add 0-3", "add 0-3", "reload"]);
    expect(store.getSnapshot().conflict).toBeNull();
    expect(store.getSnapshot().canUndo).toBe(true);
  });

  it("sends changes made over an older layer as such, even after a refetch brought a newer one", async () => {
    const server = fakeServer([bob]);
    const store = newStore(server);
    server.failures.push(new TypeError("Failed to fetch"));
    store.perform({ kind: "delete", spans: [{ start: 8, end: 11, labelId: 1 }] });
    await vi.waitFor(() => expect(store.getSnapshot().saveState).toBe("failed"));
    server.elsewhere({ kind: "relabel", start: 8, end: 11, from: 1, to: 3 });
    await server.api.reload();
    store.refresh();
    store.retryNow();
    await settled(store);
    expect(server.state.spans).toMatchObject([{ start: 8, end: 11, labelId: 3 }]);
    expect(store.getSnapshot().conflict).toMatch(/it is LOC now/);
  });
});
