import { findBlockIndex, type TextBlock } from "@/domain/text-blocks";
import type { SpanContent } from "@/domain/span-edits";
import type { TextRange } from "./types";

/** A relation as the text draws it: its ends, its type's look, and what it is called. */
export type RelationArc = {
  key: string;
  source: SpanContent;
  target: SpanContent;
  typeId: number;
  typeName: string;
  color: string;
  directed: boolean;
  /** "Kim Jong Un — located_in → Kursk": its accessible name and its row in the list. */
  name: string;
};

/**
 * An arc's piece in one block. Both ends in the block: one arc above the text. Only one end: a
 * half arc from that end out to the edge of its line, toward the other end (drawn again by the
 * other end's block when that one is on the page), so an arc never spans the whole document.
 */
export type BlockArc = RelationArc & {
  level: number;
  sourceHere: boolean;
  targetHere: boolean;
};

/**
 * Levels for arcs above one block's text: 0 just above the text, each next one higher. Shorter
 * arcs go first, each on the lowest level where it overlaps none already there, so nested arcs
 * sit inside the arcs around them (as brat draws them) and arcs that overlap never share a level.
 * Offsets stand in for positions: on one line, ranges apart in the text are apart on the screen.
 */
export function assignArcLevels(extents: readonly TextRange[]): number[] {
  const order = extents
    .map((extent, index) => ({ extent, index }))
    .sort(
      (a, b) =>
        a.extent.end - a.extent.start - (b.extent.end - b.extent.start) ||
        a.extent.start - b.extent.start,
    );
  const taken: TextRange[][] = [];
  const levels = new Array<number>(extents.length).fill(0);
  for (const { extent, index } of order) {
    let level = taken.findIndex((row) => row.every((other) => !overlaps(other, extent)));
    if (level < 0) level = taken.push([]) - 1;
    taken[level]?.push(extent);
    levels[index] = level;
  }
  return levels;
}

function overlaps(a: TextRange, b: TextRange): boolean {
  return a.start < b.end && b.start < a.end;
}

/**
 * Each block's arcs with their levels. A relation is listed in the block of each of its ends;
 * a piece that leaves its block reaches to that block's edge, which keeps room on its level for
 * the way out.
 */
export function arrangeArcs(
  blocks: readonly TextBlock[],
  arcs: readonly RelationArc[],
): BlockArc[][] {
  const pieces: Omit<BlockArc, "level">[][] = blocks.map(() => []);
  for (const arc of arcs) {
    const from = findBlockIndex(blocks, arc.source.start);
    const to = findBlockIndex(blocks, arc.target.start);
    pieces[from]?.push({ ...arc, sourceHere: true, targetHere: from === to });
    if (to !== from) pieces[to]?.push({ ...arc, sourceHere: false, targetHere: true });
  }
  return pieces.map((list, index) => {
    const block = blocks[index];
    if (list.length === 0 || !block) return noArcs;
    const levels = assignArcLevels(list.map((piece) => extentOf(block, piece)));
    return list.map((piece, i) => ({ ...piece, level: levels[i] ?? 0 }));
  });
}

const noArcs: BlockArc[] = [];

/** The offsets a piece covers in its block: from end to end, or from its one end to the edge. */
function extentOf(block: TextBlock, piece: Omit<BlockArc, "level">): TextRange {
  const { source, target } = piece;
  if (piece.sourceHere && piece.targetHere) {
    return {
      start: Math.min(source.start, target.start),
      end: Math.max(source.end, target.end),
    };
  }
  const here = piece.sourceHere ? source : target;
  const other = piece.sourceHere ? target : source;
  return other.start > here.start
    ? { start: here.start, end: block.end }
    : { start: block.start, end: Math.max(here.end, block.start + 1) };
}

/** How many levels a block's arcs take: the room its lines need above the text. */
export function levelsOf(arcs: readonly BlockArc[]): number {
  return arcs.reduce((most, arc) => Math.max(most, arc.level + 1), 0);
}

/** Two lists of arcs that draw the same, so a block whose arcs did not change is not redrawn. */
export function sameArcs(a: readonly BlockArc[], b: readonly BlockArc[]): boolean {
  return (
    a === b ||
    (a.length === b.length &&
      a.every((arc, i) => {
        const other = b[i];
        return (
          other !== undefined &&
          arc.key === other.key &&
          arc.level === other.level &&
          arc.name === other.name &&
          arc.color === other.color &&
          arc.sourceHere === other.sourceHere &&
          arc.targetHere === other.targetHere
        );
      }))
  );
}

export type Point = { x: number; y: number };

/** The height between two levels of arcs, room for a level's labels. */
export const arcLevelHeight = 12;

const corner = 4;

/**
 * An arc with square shoulders and rounded corners: up from `from`, along at height `top`, and
 * down to `to`. Square shoulders keep arcs on different levels from crossing each other.
 */
export function arcPath(from: Point, to: Point, top: number): string {
  const toward = Math.sign(to.x - from.x) || 1;
  const r = Math.min(corner, Math.abs(to.x - from.x) / 2, Math.max(0, from.y - top));
  return [
    `M ${from.x} ${from.y}`,
    `V ${top + r}`,
    `Q ${from.x} ${top} ${from.x + toward * r} ${top}`,
    `H ${to.x - toward * r}`,
    `Q ${to.x} ${top} ${to.x} ${top + r}`,
    `V ${to.y}`,
  ].join(" ");
}

/** A half arc: up from an end, then along to `edgeX`, where the line runs out. */
export function halfArcPath(from: Point, edgeX: number, top: number): string {
  const toward = Math.sign(edgeX - from.x) || 1;
  const r = Math.min(corner, Math.abs(edgeX - from.x), Math.max(0, from.y - top));
  return `M ${from.x} ${from.y} V ${top + r} Q ${from.x} ${top} ${from.x + toward * r} ${top} H ${edgeX}`;
}

/** An arrowhead pointing down onto `at`, the target end of a directed relation. */
export function arrowHeadPath(at: Point): string {
  return `M ${at.x} ${at.y} l -3.5 -6 h 7 z`;
}
