import { trimWhitespace } from "@/domain/spans";
import { snapToTokens } from "@/domain/token-boundaries";
import type { TextRange } from "./types";

/**
 * Between DOM positions and document offsets. The text is rendered in blocks that each carry
 * their first offset in `data-block-start`, and only some blocks are on the page at a time, so an
 * offset is always counted from the start of its own block, never from the top of the text.
 */
const blockSelector = "[data-block-start]";

/** The current browser selection as offsets into the document, or null if none is in `container`. */
export function readSelectionOffsets(container: HTMLElement): TextRange | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) {
    return null;
  }
  const start = offsetOf(range.startContainer, range.startOffset);
  const end = offsetOf(range.endContainer, range.endOffset);
  return start === null || end === null || start >= end ? null : { start, end };
}

/**
 * The selection as it would be tagged: trimmed of white space, and widened to whole words if
 * `snap` (words of the document's language `lang`).
 */
export function readTaggableSelection(
  container: HTMLElement,
  text: string,
  snap: boolean,
  lang: string,
): TextRange | null {
  const offsets = readSelectionOffsets(container);
  if (!offsets) return null;
  return snap
    ? snapToTokens(text, offsets.start, offsets.end, lang)
    : trimWhitespace(text, offsets.start, offsets.end);
}

/** The document offset of a DOM position inside a block, or between blocks. */
export function offsetOf(node: Node, offset: number): number | null {
  const element = node instanceof Element ? node : node.parentElement;
  const block = element?.closest<HTMLElement>(blockSelector);
  if (block) {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(node, offset);
    return Number(block.dataset.blockStart) + before.toString().length;
  }
  // A position between blocks: the start of the block after it, or the end of the one before.
  const after = node.childNodes[offset];
  if (after instanceof HTMLElement) {
    const next = after.matches(blockSelector)
      ? after
      : after.querySelector<HTMLElement>(blockSelector);
    if (next) return Number(next.dataset.blockStart);
  }
  const previous = node.childNodes[offset - 1];
  if (previous instanceof HTMLElement) {
    const blocks = previous.matches(blockSelector)
      ? [previous]
      : previous.querySelectorAll<HTMLElement>(blockSelector);
    const last = blocks[blocks.length - 1];
    if (last) return Number(last.dataset.blockEnd);
  }
  return null;
}

/** A DOM range over document offsets, when the blocks holding them are on the page. */
export function domRangeOf(container: HTMLElement, range: TextRange): Range | null {
  const start = locate(container, range.start, "start");
  const end = locate(container, range.end, "end");
  if (!start || !end) return null;
  const dom = document.createRange();
  dom.setStart(start.node, start.offset);
  dom.setEnd(end.node, end.offset);
  return dom;
}

/** The document offset under a point of the screen, if it falls on rendered text. */
export function offsetAtPoint(container: HTMLElement, x: number, y: number): number | null {
  const position = document.caretPositionFromPoint(x, y);
  if (!position || !container.contains(position.offsetNode)) return null;
  return offsetOf(position.offsetNode, position.offset);
}

/**
 * Scrolls the text pane, then the page, by as little as brings the band of the screen from `top`
 * to `bottom` into view with `margin` to spare (its top first, if it cannot all fit): the pane
 * may itself reach below the window. Returns how far the band moved up on the screen.
 */
export function scrollBandIntoView(
  pane: HTMLElement,
  top: number,
  bottom: number,
  margin: number,
): number {
  const view = pane.getBoundingClientRect();
  const paneBefore = pane.scrollTop;
  pane.scrollTop += shiftInto(top, bottom, view.top + margin, view.bottom - margin);
  const moved = pane.scrollTop - paneBefore;
  const pageBefore = window.scrollY;
  window.scrollBy(0, shiftInto(top - moved, bottom - moved, margin, window.innerHeight - margin));
  return moved + window.scrollY - pageBefore;
}

/** How far to scroll so that the band from `top` to `bottom` lies between `from` and `to`. */
function shiftInto(top: number, bottom: number, from: number, to: number): number {
  if (top < from) return top - from;
  if (bottom > to) return Math.min(bottom - to, top - from);
  return 0;
}

/** The text node and offset in it for a document offset; at a block edge, `side` picks the block. */
function locate(container: HTMLElement, offset: number, side: "start" | "end") {
  const blocks = container.querySelectorAll<HTMLElement>(blockSelector);
  for (const block of blocks) {
    const start = Number(block.dataset.blockStart);
    const end = Number(block.dataset.blockEnd);
    const inside =
      side === "start" ? offset >= start && offset < end : offset > start && offset <= end;
    if (!inside) continue;
    let seen = start;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (side === "start" ? offset < seen + length : offset <= seen + length) {
        return { node, offset: offset - seen };
      }
      seen += length;
    }
  }
  return null;
}
