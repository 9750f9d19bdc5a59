import { describe, expect, it } from "vitest";
import { segmentText, type Segment } from "./segments";
import { nth } from "./test-support/lists";

type Labelled = { start: number; end: number; label: string };

/** Segments as [start, end, labels of covering spans] triples, for compact expectations. */
function simplify(segments: Segment<Labelled>[]) {
  return segments.map((segment) => [segment.start, segment.end, segment.spans.map((s) => s.label)]);
}

const span = (label: string, start: number, end: number): Labelled => ({ start, end, label });

describe("segmentText", () => {
  it("gives one bare segment for a text without spans", () => {
    expect(simplify(segmentText(10, []))).toEqual([[0, 10, []]]);
  });

  it("gives no segment for an empty text", () => {
    expect(segmentText(0, [])).toEqual([]);
  });

  it("cuts around a single span", () => {
    expect(simplify(segmentText(10, [span("A", 3, 6)]))).toEqual([
      [0, 3, []],
      [3, 6, ["A"]],
      [6, 10, []],
    ]);
  });

  it("covers the whole text with a span from start to end", () => {
    expect(simplify(segmentText(4, [span("A", 0, 4)]))).toEqual([[0, 4, ["A"]]]);
  });

  it("keeps touching spans apart", () => {
    expect(simplify(segmentText(6, [span("B", 3, 6), span("A", 0, 3)]))).toEqual([
      [0, 3, ["A"]],
      [3, 6, ["B"]],
    ]);
  });

  it("lists nested spans innermost first", () => {
    // outer 0-10 holds middle 2-8 holds inner 4-5
    const spans = [span("outer", 0, 10), span("inner", 4, 5), span("middle", 2, 8)];
    expect(simplify(segmentText(12, spans))).toEqual([
      [0, 2, ["outer"]],
      [2, 4, ["middle", "outer"]],
      [4, 5, ["inner", "middle", "outer"]],
      [5, 8, ["middle", "outer"]],
      [8, 10, ["outer"]],
      [10, 12, []],
    ]);
  });

  it("splits partly overlapping spans into three runs", () => {
    // A covers 1-4 (length 3), B covers 3-7 (length 4): the shorter one comes first where both apply.
    expect(simplify(segmentText(8, [span("B", 3, 7), span("A", 1, 4)]))).toEqual([
      [0, 1, []],
      [1, 3, ["A"]],
      [3, 4, ["A", "B"]],
      [4, 7, ["B"]],
      [7, 8, []],
    ]);
  });

  it("keeps both of two spans over the same range", () => {
    const segments = segmentText(5, [span("X", 1, 3), span("Y", 1, 3)]);
    expect(segments.map((s) => [s.start, s.end])).toEqual([
      [0, 1],
      [1, 3],
      [3, 5],
    ]);
    expect(
      nth(segments, 1)
        .spans.map((s) => s.label)
        .sort(),
    ).toEqual(["X", "Y"]);
  });

  it("hands back the caller's own span objects", () => {
    const a = span("A", 1, 2);
    const segments = segmentText(3, [a]);
    expect(nth(segments, 1).spans[0]).toBe(a);
  });

  it("agrees with a brute-force cover check on many random span sets", () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const length = 1 + random(30);
      const spans: Labelled[] = [];
      const count = random(6);
      for (let i = 0; i < count; i++) {
        const start = random(length);
        const end = start + 1 + random(length - start);
        spans.push(span(`s${i}`, start, end));
      }
      const segments = segmentText(length, spans);

      // The segments tile the text in order, without gaps or empty runs.
      expect(segments[0]?.start).toBe(0);
      expect(segments[segments.length - 1]?.end).toBe(length);
      segments.forEach((segment, i) => {
        expect(segment.end).toBeGreaterThan(segment.start);
        if (i > 0) expect(segment.start).toBe(nth(segments, i - 1).end);
      });

      for (const segment of segments) {
        // Exactly the spans that cover the segment, shortest first.
        const covering = spans
          .filter((s) => s.start <= segment.start && segment.end <= s.end)
          .map((s) => s.label)
          .sort();
        expect(segment.spans.map((s) => s.label).sort()).toEqual(covering);
        const lengths = segment.spans.map((s) => s.end - s.start);
        expect(lengths).toEqual([...lengths].sort((x, y) => x - y));
        // No span starts or ends strictly inside a segment.
        for (const s of spans) {
          for (const cut of [s.start, s.end]) {
            expect(cut > segment.start && cut < segment.end).toBe(false);
          }
        }
      }
    }
  });
});
