/** A rectangle in viewport coordinates, as `getBoundingClientRect` gives it. */
export type Box = { top: number; bottom: number; left: number; right: number };
export type Size = { width: number; height: number };
export type MenuPlacement = { top: number; left: number; maxHeight: number };

/** Space kept between the menu and the window's edges, and between the menu and its anchor. */
export const edgeMargin = 8;
export const anchorGap = 6;
/**
 * Below this, a side is too cramped to be worth keeping the anchor readable: three or four items
 * in a sliver would make the rest reachable only by a long scroll. The menu then covers the anchor.
 */
const minUsefulHeight = 120;

/**
 * Where a menu of `menu`'s natural size goes beside `anchor` so that all of it is inside a window
 * of `viewport`'s size: below the anchor when it fits, else above, else on the roomier side with
 * its height limited (it scrolls inside); left-aligned with the anchor unless that runs off the
 * right edge, then right-aligned with it, and never past either edge. At 200% zoom or on a phone
 * the window is small enough in CSS pixels that each of these cases happens.
 */
export function placeMenu(anchor: Box, menu: Size, viewport: Size): MenuPlacement {
  const fullHeight = Math.max(0, viewport.height - 2 * edgeMargin);
  const height = Math.min(menu.height, fullHeight);
  // An anchor partly scrolled out of the window still gets its menu inside it.
  const belowTop = Math.max(anchor.bottom + anchorGap, edgeMargin);
  const aboveBottom = Math.min(anchor.top - anchorGap, viewport.height - edgeMargin);
  const below = viewport.height - edgeMargin - belowTop;
  const above = aboveBottom - edgeMargin;
  const left = placeAlong(anchor, menu.width, viewport.width);

  if (height <= below) return { top: belowTop, left, maxHeight: height };
  if (height <= above) return { top: aboveBottom - height, left, maxHeight: height };
  const roomier = Math.max(below, above);
  if (roomier >= minUsefulHeight) {
    return below >= above
      ? { top: belowTop, left, maxHeight: roomier }
      : { top: edgeMargin, left, maxHeight: roomier };
  }
  const top = clamp(anchor.bottom + anchorGap, edgeMargin, viewport.height - edgeMargin - height);
  return { top, left, maxHeight: height };
}

function placeAlong(anchor: Box, width: number, viewportWidth: number): number {
  const last = viewportWidth - edgeMargin - width;
  const start = anchor.left <= last ? anchor.left : anchor.right - width;
  return clamp(start, edgeMargin, last);
}

/** `value` within [low, high]; `low` wins when the range is empty (a menu wider than the window). */
function clamp(value: number, low: number, high: number): number {
  return Math.max(low, Math.min(value, high));
}
