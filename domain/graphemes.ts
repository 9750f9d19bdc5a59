/**
 * Whole characters: what a reader sees as one character is a grapheme cluster (UAX #29), which
 * may be many code points — "é" as e + U+0301, a flag of two regional indicators, a family emoji
 * joined by U+200D, a Devanagari consonant with its nukta and vowel sign. A span, a cursor step or
 * a search match starts and ends between clusters, never inside one.
 *
 * Clusters are found with `Intl.Segmenter` over a small window around the offset, so a check costs
 * the same in a 200,000-character document as in a sentence.
 */
const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

/** How far a window reaches each side of an offset; clusters longer than this are not judged. */
const reach = 64;

type Range = { start: number; end: number };

/** True when `offset` falls inside a grapheme cluster, so a span must not start or end there. */
export function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  if (isPlainPair(text.charCodeAt(offset - 1), text.charCodeAt(offset))) return false;
  return clusterAt(text, offset).start !== offset;
}

/** The grapheme cluster holding the code unit at `offset` (`offset` below the text's length). */
export function clusterAt(text: string, offset: number): Range {
  const unit = text.charCodeAt(offset);
  const startsHere = offset === 0 || isPlainPair(text.charCodeAt(offset - 1), unit);
  const endsNext = offset + 1 >= text.length || isPlainPair(unit, text.charCodeAt(offset + 1));
  if (startsHere && endsNext) return { start: offset, end: offset + 1 };
  const from = windowStart(text, offset);
  const window = text.slice(from, Math.min(text.length, offset + reach));
  const found = graphemes.segment(window).containing(offset - from);
  if (!found) return { start: offset, end: offset + 1 };
  return { start: from + found.index, end: from + found.index + found.segment.length };
}

/** The last cluster boundary at or before `offset`. */
export function characterStartAt(text: string, offset: number): number {
  return splitsCharacter(text, offset) ? clusterAt(text, offset).start : offset;
}

/** The first cluster boundary at or after `offset`. */
export function characterEndAt(text: string, offset: number): number {
  return splitsCharacter(text, offset) ? clusterAt(text, offset).end : offset;
}

/** A range widened to the whole characters it touches. */
export function snapToCharacters(text: string, range: Range): Range {
  return { start: characterStartAt(text, range.start), end: characterEndAt(text, range.end) };
}

/**
 * Between two code units that neither extend, join nor prefix another (UAX #29, GB3-GB9c) there
 * is always a boundary, but inside CR LF: Latin, digits and punctuation below U+0300, CJK
 * ideographs, kana without their combining sound marks, CJK and full-width punctuation. That
 * covers most offsets of most texts without segmenting.
 */
function isPlainPair(before: number, after: number): boolean {
  return isPlain(before) && isPlain(after) && !(before === 0x0d && after === 0x0a);
}

function isPlain(unit: number): boolean {
  return (
    unit < 0x300 ||
    (unit >= 0x3000 && unit <= 0x3029) ||
    (unit >= 0x3041 && unit <= 0x3096) ||
    (unit >= 0x30a1 && unit <= 0x30fa) ||
    (unit >= 0x30fc && unit <= 0x30ff) ||
    (unit >= 0x3400 && unit <= 0x4dbf) ||
    (unit >= 0x4e00 && unit <= 0x9fff) ||
    (unit >= 0xff01 && unit <= 0xff5e)
  );
}

/**
 * Where segmenting may start: a line break always ends a cluster (GB4); otherwise `reach` units
 * back, moved off a surrogate pair and before a run of regional indicators, whose pairing into
 * flags depends on where the run starts (GB12).
 */
function windowStart(text: string, offset: number): number {
  const floor = Math.max(0, offset - reach);
  // Searched by hand: lastIndexOf would scan back through the whole text when no line is near.
  for (let i = offset - 1; i >= floor; i--) if (text.charCodeAt(i) === 0x0a) return i + 1;
  let start = floor;
  if (isLowSurrogate(text.charCodeAt(start)) && start > 0) start--;
  while (start >= 2 && isRegionalIndicator(text.codePointAt(start - 2))) start -= 2;
  return start;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

function isRegionalIndicator(codePoint: number | undefined): boolean {
  return codePoint !== undefined && codePoint >= 0x1f1e6 && codePoint <= 0x1f1ff;
}
