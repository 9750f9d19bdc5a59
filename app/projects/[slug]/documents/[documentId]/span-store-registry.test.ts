import { afterEach, describe, expect, it, vi } from "vitest";
import { noDetails } from "@/domain/span-details";
import { SpanStore, type SpanApi } from "./span-store";
import { spanStoreFor } from "./span-store-registry";

const unused = () => Promise.reject(new Error("no server in this test"));
const api: SpanApi = { edit: unused, submit: unused, reload: unused };
const rules = {
  text: "Ann",
  allowOverlap: false,
  labels: new Map([
    [1, "PER"],
    [2, "ORG"],
  ]),
};
const storeOf = (labelId: number) => () => {
  const layer = {
    status: "in_progress" as const,
    version: 1,
    spans: [{ id: 1, start: 0, end: 3, labelId, ...noDetails }],
    relations: [],
    choices: [],
  };
  return new SpanStore(7, rules, { read: () => layer, write: () => {} }, api);
};

describe("spanStoreFor", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("on the server, makes every render its own store from the data it was given", () => {
    const first = spanStoreFor(7, storeOf(1));
    const second = spanStoreFor(7, storeOf(2));
    expect(second).not.toBe(first);
    expect(second.getSnapshot().spans.map((span) => span.labelId)).toEqual([2]);
  });

  it("in the browser, keeps a document's store for the next page that shows it", () => {
    vi.stubGlobal("window", {});
    const first = spanStoreFor(8, storeOf(1));
    expect(spanStoreFor(8, storeOf(2))).toBe(first);
  });
});
