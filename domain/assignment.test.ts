import { describe, expect, it } from "vitest";
import { balanceAssignments, type AssignmentInput } from "./assignment";

const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => from + i);

function loads(result: Map<number, number[]>, annotators: number[]) {
  return annotators.map(
    (annotator) => [...result.values()].filter((list) => list.includes(annotator)).length,
  );
}

const fresh = (documents: number, annotators: number, k: number): AssignmentInput => ({
  documents: range(documents, 100),
  annotators: range(annotators),
  assigned: new Map(),
  started: new Map(),
  annotatorsPerDocument: k,
});

describe("balanceAssignments", () => {
  it.each([
    [10, 3, 2],
    [7, 4, 2],
    [5, 5, 3],
    [1, 3, 2],
    [13, 6, 1],
  ])(
    "gives each of %i documents k annotators, balanced within one (%i annotators, k=%i)",
    (d, a, k) => {
      const result = balanceAssignments(fresh(d, a, k));
      for (const list of result.values()) {
        expect(list).toHaveLength(k);
        expect(new Set(list).size).toBe(k);
      }
      const counts = loads(result, range(a));
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
      expect(counts.reduce((sum, n) => sum + n, 0)).toBe(d * k);
    },
  );

  it("gives every document to everybody when k exceeds the team", () => {
    const result = balanceAssignments(fresh(3, 2, 5));
    expect([...result.values()]).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
  });

  it("keeps started work when a member joins, and hands the newcomer unstarted documents", () => {
    const before = balanceAssignments(fresh(6, 2, 1));
    const started = new Map([...before].filter(([document]) => document < 102));
    const after = balanceAssignments({
      ...fresh(6, 3, 1),
      assigned: before,
      started,
    });
    for (const [document, annotators] of started) expect(after.get(document)).toEqual(annotators);
    expect(loads(after, [1, 2, 3])).toEqual([2, 2, 2]);
  });

  it("reassigns a leaving member's unstarted documents and keeps the others where they were", () => {
    const before = balanceAssignments(fresh(6, 3, 1));
    const after = balanceAssignments({ ...fresh(6, 2, 1), assigned: before });
    expect(loads(after, [1, 2])).toEqual([3, 3]);
    for (const [document, annotators] of before) {
      if (annotators[0] !== 3) expect(after.get(document)).toEqual(annotators);
    }
  });

  it("never keeps an annotator who is no longer on the team, even with started work", () => {
    const result = balanceAssignments({
      ...fresh(2, 1, 1),
      started: new Map([[100, [9]]]),
    });
    expect([...result.values()].flat()).not.toContain(9);
  });
});
