import { characterEndAt } from "./graphemes";

/**
 * A long text cut into blocks that can be laid out, measured and left out of the page one by one.
 * Blocks end after a line break, so each one is a run of whole lines and the text looks the same
 * cut as uncut; only a line longer than twice the target is cut inside, at a space when it can.
 */
export type TextBlock = { start: number; end: number };

export function splitIntoBlocks(text: string, targetLength = 1200): TextBlock[] {
  const longest = targetLength * 2;
  const blocks: TextBlock[] = [];
  let start = 0;
  while (start < text.length) {
    let end = start;
    while (end < text.length && end - start < targetLength) {
      const lineBreak = text.indexOf("\n", end);
      const next = lineBreak === -1 ? text.length : lineBreak + 1;
      if (next - start > longest && end > start) break;
      end = next;
    }
    if (end - start > longest) end = cutLongLine(text, start, targetLength);
    blocks.push({ start, end });
    start = end;
  }
  return blocks;
}

function cutLongLine(text: string, start: number, targetLength: number): number {
  const space = text.lastIndexOf(" ", start + targetLength);
  if (space > start + targetLength / 2) return space + 1;
  const cut = start + targetLength;
  return characterEndAt(text, cut);
}

/** The index of the block holding `offset` (the last block for the end of the text). */
export function findBlockIndex(blocks: readonly TextBlock[], offset: number): number {
  let low = 0;
  let high = blocks.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((blocks[mid] as TextBlock).start <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Each block's ranges (a range that crosses blocks is listed in each), keeping the input order. */
export function groupByBlock<T extends { start: number; end: number }>(
  blocks: readonly TextBlock[],
  ranges: readonly T[],
): T[][] {
  const groups: T[][] = blocks.map(() => []);
  for (const range of ranges) {
    for (let i = findBlockIndex(blocks, range.start); i < blocks.length; i++) {
      groups[i]?.push(range);
      if ((blocks[i] as TextBlock).end >= range.end) break;
    }
  }
  return groups;
}
