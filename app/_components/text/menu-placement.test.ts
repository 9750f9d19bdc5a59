import { describe, expect, it } from "vitest";
import {
  anchorGap,
  edgeMargin,
  placeMenu,
  type Box,
  type MenuPlacement,
  type Size,
} from "./menu-placement";

const desktop = { width: 1280, height: 800 };
// A 1280x800 window at 200% zoom, and an iPhone 12-sized phone, in CSS pixels.
const zoomed = { width: 640, height: 400 };
const phone = { width: 390, height: 844 };
const menu = { width: 224, height: 200 };

/** A word-sized anchor whose top-left corner is at (left, top). */
const word = (left: number, top: number, width = 60): Box => ({
  top,
  bottom: top + 20,
  left,
  right: left + width,
});

describe("placeMenu", () => {
  it.each<[string, Box, Size, Size, MenuPlacement]>([
    [
      "below a word with room under it",
      word(100, 100),
      menu,
      desktop,
      { top: 126, left: 100, maxHeight: 200 },
    ],
    [
      "above a word near the bottom",
      word(100, 700),
      menu,
      desktop,
      { top: 494, left: 100, maxHeight: 200 },
    ],
    [
      "right-aligned with a word near the right edge",
      word(300, 100),
      menu,
      phone,
      { top: 126, left: 136, maxHeight: 200 },
    ],
    [
      "inside the left edge when right-aligning would cross it",
      word(200, 100, 10),
      { width: 224, height: 200 },
      { width: 300, height: 800 },
      { top: 126, left: 8, maxHeight: 200 },
    ],
    [
      "below, shortened, when neither side fits and below is roomier",
      word(100, 150),
      { width: 224, height: 460 },
      zoomed,
      { top: 176, left: 100, maxHeight: 216 },
    ],
    [
      "above, shortened, when neither side fits and above is roomier",
      word(100, 300),
      { width: 224, height: 460 },
      zoomed,
      { top: 8, left: 100, maxHeight: 286 },
    ],
    [
      "over the word when both sides are slivers",
      { top: 90, bottom: 310, left: 20, right: 600 },
      { width: 224, height: 460 },
      zoomed,
      { top: 8, left: 20, maxHeight: 384 },
    ],
  ])("places the menu %s", (_, anchor, size, viewport, expected) => {
    expect(placeMenu(anchor, size, viewport)).toEqual(expected);
  });

  it("keeps every menu inside the window wherever the anchor is", () => {
    for (const viewport of [desktop, zoomed, phone]) {
      for (let top = -40; top <= viewport.height + 40; top += 37) {
        for (let left = -20; left <= viewport.width; left += 41) {
          const anchor = word(left, top);
          for (const size of [menu, { width: 224, height: 520 }]) {
            const placed = placeMenu(anchor, size, viewport);
            expect(placed.top).toBeGreaterThanOrEqual(edgeMargin);
            expect(placed.top + placed.maxHeight).toBeLessThanOrEqual(viewport.height - edgeMargin);
            expect(placed.left).toBeGreaterThanOrEqual(edgeMargin);
            expect(placed.left + size.width).toBeLessThanOrEqual(viewport.width - edgeMargin);
            expect(placed.maxHeight).toBeLessThanOrEqual(size.height);
          }
        }
      }
    }
  });

  it("leaves the anchor uncovered whenever one side has room enough", () => {
    const anchor = word(100, 180);
    const placed = placeMenu(anchor, { width: 224, height: 460 }, zoomed);
    const bottom = placed.top + placed.maxHeight;
    expect(bottom <= anchor.top - anchorGap || placed.top >= anchor.bottom + anchorGap).toBe(true);
  });
});
