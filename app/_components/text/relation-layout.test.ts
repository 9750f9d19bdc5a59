import { describe, expect, it } from "vitest";
import type { SpanContent } from "@/domain/span-edits";
import { splitIntoBlocks } from "@/domain/text-blocks";
import {
  arcPath,
  arrangeArcs,
  assignArcLevels,
  levelsOf,
  type RelationArc,
} from "./relation-layout";

const span = (start: number, end: number, labelId = 1): SpanContent => ({ start, end, labelId });

function arc(source: SpanContent, target: SpanContent, typeId = 1): RelationArc {
  return {
    key: `${source.start}>${target.start}:${typeId}`,
    source,
    target,
    typeId,
    typeName: "rel",
    color: "#000",
    directed: true,
    name: "a relation",
  };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

describe("assignArcLevels", () => {
  it("puts arcs that do not overlap on the lowest level", () => {
    expect(
      assignArcLevels([
        { start: 0, end: 5 },
        { start: 5, end: 9 },
        { start: 20, end: 30 },
      ]),
    ).toEqual([0, 0, 0]);
  });

  it("nests a shorter arc inside the one around it", () => {
    expect(
      assignArcLevels([
        { start: 0, end: 40 },
        { start: 10, end: 20 },
      ]),
    ).toEqual([1, 0]);
  });

  it("never puts two overlapping arcs on one level, whatever their order", () => {
    // A fixed pseudo-random set: crossing, nested, touching and identical extents.
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647) % 200;
    const extents = Array.from({ length: 300 }, () => {
      const a = next();
      const b = next();
      return { start: Math.min(a, b), end: Math.max(a, b) + 1 };
    });
    const levels = assignArcLevels(extents);
    const byLevel = new Map<number, { start: number; end: number }[]>();
    extents.forEach((extent, i) => {
      const level = levels[i] ?? -1;
      byLevel.set(level, [...(byLevel.get(level) ?? []), extent]);
    });
    for (const row of byLevel.values()) {
      row.forEach((a, i) => row.slice(i + 1).forEach((b) => expect(overlaps(a, b)).toBe(false)));
    }
    // No level is wasted: every arc above level 0 overlaps an arc on each level below it.
    extents.forEach((extent, i) => {
      for (let level = 0; level < (levels[i] ?? 0); level++) {
        expect(byLevel.get(level)?.some((other) => overlaps(other, extent))).toBe(true);
      }
    });
  });
});

describe("arrangeArcs", () => {
  const text = `${"a".repeat(1300)}\n${"b".repeat(1300)}\n`;
  const blocks = splitIntoBlocks(text);

  it("lists an arc within one block once, with both ends there", () => {
    const arranged = arrangeArcs(blocks, [arc(span(0, 3), span(10, 14))]);
    expect(blocks).toHaveLength(2);
    expect(arranged[0]).toEqual([
      expect.objectContaining({ sourceHere: true, targetHere: true, level: 0 }),
    ]);
    expect(arranged[1]).toEqual([]);
  });

  it("lists an arc across blocks in each of its ends' blocks, reaching to the block's edge", () => {
    const far = arc(span(5, 8), span(1400, 1405));
    const near = arc(span(1000, 1004), span(1010, 1012));
    const arranged = arrangeArcs(blocks, [far, near]);
    const first = arranged[0] ?? [];
    expect(first.map((piece) => [piece.key, piece.sourceHere, piece.targetHere])).toEqual([
      [far.key, true, false],
      [near.key, true, true],
    ]);
    // The half arc runs to the end of its block, over the near arc: they cannot share a level.
    expect(first.map((piece) => piece.level)).toEqual([1, 0]);
    expect(levelsOf(first)).toBe(2);
    expect(arranged[1]).toEqual([
      expect.objectContaining({ key: far.key, sourceHere: false, targetHere: true, level: 0 }),
    ]);
  });
});

describe("arcPath", () => {
  it("goes up from one end, along at the arc's height and down onto the other", () => {
    const path = arcPath({ x: 10, y: 50 }, { x: 90, y: 50 }, 20);
    expect(path.startsWith("M 10 50 V 24")).toBe(true);
    expect(path).toContain("H 86");
    expect(path.endsWith("V 50")).toBe(true);
  });

  it("runs right to left when the target comes first on the line", () => {
    expect(arcPath({ x: 90, y: 50 }, { x: 10, y: 50 }, 20)).toContain("H 14");
  });
});
