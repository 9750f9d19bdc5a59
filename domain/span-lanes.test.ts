import { describe, expect, it } from "vitest";
import { assignLanes } from "./span-lanes";

const span = (name: string, start: number, end: number) => ({ name, start, end });

function lanesOf(spans: ReturnType<typeof span>[]) {
  const lanes = assignLanes(spans);
  return Object.fromEntries(spans.map((s) => [s.name, lanes.get(s) ?? null]));
}

describe("assignLanes", () => {
  it("gives no lane to spans that overlap nothing, touching ones included", () => {
    expect(lanesOf([span("A", 0, 3), span("B", 3, 6), span("C", 8, 9)])).toEqual({
      A: null,
      B: null,
      C: null,
    });
  });

  it("puts the enclosing span first and nested spans below it", () => {
    expect(lanesOf([span("inner", 4, 8), span("outer", 0, 13)])).toEqual({ outer: 0, inner: 1 });
  });

  it("reuses a lane once the span in it has ended", () => {
    expect(
      lanesOf([span("city", 0, 13), span("new", 0, 3), span("hall", 9, 18), span("york", 4, 8)]),
    ).toEqual({ city: 0, new: 1, york: 1, hall: 1 });
  });

  it("never gives two overlapping spans the same lane", () => {
    const spans = Array.from({ length: 40 }, (_, i) =>
      span(`s${i}`, (i * 7) % 31, ((i * 7) % 31) + 1 + (i % 9)),
    );
    const lanes = assignLanes(spans);
    for (const a of spans) {
      for (const b of spans) {
        if (a !== b && a.start < b.end && b.start < a.end) {
          expect(lanes.get(a)).toBeDefined();
          expect(lanes.get(a)).not.toBe(lanes.get(b));
        }
      }
    }
  });
});
