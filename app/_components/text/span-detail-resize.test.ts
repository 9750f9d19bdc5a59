import { describe, expect, it } from "vitest";
import { dragEdgeTo, moveEdgeByToken, resizeEdit } from "./span-detail-resize";

const text = "troops of North Korea, in Kursk.";
//            0      7  10    16   21 23 26   31
const north = { start: 10, end: 15 };

describe("moveEdgeByToken", () => {
  it("grows the end by the next token, punctuation included", () => {
    expect(moveEdgeByToken(text, north, "end", true)).toEqual({ start: 10, end: 21 });
    expect(moveEdgeByToken(text, { start: 10, end: 21 }, "end", true)).toEqual({
      start: 10,
      end: 22,
    });
  });
  it("shrinks the end by the span's last token, never below one token", () => {
    expect(moveEdgeByToken(text, { start: 10, end: 21 }, "end", false)).toEqual(north);
    expect(moveEdgeByToken(text, north, "end", false)).toBeNull();
  });
  it("moves the start outward and inward", () => {
    expect(moveEdgeByToken(text, north, "start", true)).toEqual({ start: 7, end: 15 });
    expect(moveEdgeByToken(text, { start: 7, end: 15 }, "start", false)).toEqual(north);
    expect(moveEdgeByToken(text, north, "start", false)).toBeNull();
  });
  it("stops at the ends of the text", () => {
    expect(moveEdgeByToken(text, { start: 0, end: 6 }, "start", true)).toBeNull();
    expect(moveEdgeByToken(text, { start: 26, end: 32 }, "end", true)).toBeNull();
  });
});

describe("dragEdgeTo", () => {
  it("takes the whole word the pointer is in when snapping", () => {
    expect(dragEdgeTo(text, north, "end", 18, true)).toEqual({ start: 10, end: 21 });
    expect(dragEdgeTo(text, north, "start", 8, true)).toEqual({ start: 7, end: 15 });
  });
  it("keeps the offset as it is without snapping, trimmed of white space", () => {
    expect(dragEdgeTo(text, north, "end", 18, false)).toEqual({ start: 10, end: 18 });
    expect(dragEdgeTo(text, north, "end", 16, false)).toEqual(north);
  });
  it("refuses to leave nothing", () => {
    expect(dragEdgeTo(text, north, "end", 10, true)).toBeNull();
    expect(dragEdgeTo(text, north, "start", 15, false)).toBeNull();
  });
});

describe("resizeEdit", () => {
  it("names the span by its content and carries the new range", () => {
    const span = { ...north, labelId: 4 };
    expect(resizeEdit(span, { start: 10, end: 21 })).toEqual({
      kind: "resize",
      span: { start: 10, end: 15, labelId: 4 },
      start: 10,
      end: 21,
    });
    expect(resizeEdit(span, north)).toBeNull();
  });
});
