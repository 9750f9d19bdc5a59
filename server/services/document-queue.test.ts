import { describe, expect, it } from "vitest";
import {
  countProgress,
  findNeighbourDocuments,
  findNextUnsubmitted,
  type QueueEntry,
} from "./document-queue";

const queue: QueueEntry[] = [
  { documentId: 7, submitted: true },
  { documentId: 3, submitted: false },
  { documentId: 9, submitted: true },
  { documentId: 4, submitted: false },
];

describe("findNeighbourDocuments", () => {
  it.each([
    [7, null, 3],
    [3, 7, 9],
    [4, 9, null],
    [99, null, 7],
  ])("around document %i: previous %s, next %s", (documentId, previous, next) => {
    expect(findNeighbourDocuments(queue, documentId)).toEqual({ previous, next });
  });

  it("has no neighbours in an empty queue", () => {
    expect(findNeighbourDocuments([], 1)).toEqual({ previous: null, next: null });
  });
});

describe("findNextUnsubmitted", () => {
  it.each([
    [7, 3],
    [3, 4],
    [9, 4],
    [4, 3],
    [99, 3],
  ])("after document %i comes %i, wrapping around", (documentId, expected) => {
    expect(findNextUnsubmitted(queue, documentId)).toBe(expected);
  });

  it("is null when every other document is submitted", () => {
    const done = queue.map((entry) => ({ ...entry, submitted: entry.documentId !== 3 }));
    expect(findNextUnsubmitted(done, 3)).toBeNull();
  });
});

describe("countProgress", () => {
  it("counts submitted and queued documents", () => {
    expect(countProgress(queue)).toEqual({ submitted: 2, assigned: 4 });
  });
});
