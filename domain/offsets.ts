/**
 * Offset conventions.
 *
 * Inside Concord (database, API, browser) an offset is a UTF-16 code unit index into the document
 * text, exactly what JavaScript strings and DOM ranges use. Every file that enters or leaves the
 * system speaks Unicode code points instead (Python's `text[start:end]`). Offsets are converted only
 * at those edges, with an OffsetMap built once per document.
 */
export type OffsetMap = {
  /** Code point offset -> UTF-16 offset; undefined when past the end of the text. */
  toUtf16(codePoint: number): number | undefined;
  /** UTF-16 offset -> code point offset; undefined when it splits a surrogate pair or is past the end. */
  toCodePoint(utf16: number): number | undefined;
  readonly codePointLength: number;
};

export function createOffsetMap(text: string): OffsetMap {
  // Most texts have no astral characters: then both units agree, and no table is needed.
  if (!/[\uD800-\uDFFF]/.test(text)) return identityMap(text);
  const utf16ByCodePoint: number[] = [];
  for (let i = 0; i < text.length; i++) {
    utf16ByCodePoint.push(i);
    if (isHighSurrogateAt(text, i)) i++;
  }
  utf16ByCodePoint.push(text.length);
  const codePointLength = utf16ByCodePoint.length - 1;

  if (codePointLength === text.length) return identityMap(text);

  return {
    codePointLength,
    toUtf16: (codePoint) => utf16ByCodePoint[codePoint],
    toCodePoint(utf16) {
      if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > text.length) return undefined;
      if (utf16 > 0 && isHighSurrogateAt(text, utf16 - 1)) return undefined;
      return binarySearch(utf16ByCodePoint, utf16);
    },
  };
}

function identityMap(text: string): OffsetMap {
  const identity = (offset: number) =>
    Number.isInteger(offset) && offset >= 0 && offset <= text.length ? offset : undefined;
  return { toUtf16: identity, toCodePoint: identity, codePointLength: text.length };
}

function isHighSurrogateAt(text: string, i: number): boolean {
  const unit = text.charCodeAt(i);
  if (unit < 0xd800 || unit > 0xdbff) return false;
  const next = text.charCodeAt(i + 1);
  return next >= 0xdc00 && next <= 0xdfff;
}

function binarySearch(sorted: number[], value: number): number | undefined {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const found = sorted[mid] as number;
    if (found === value) return mid;
    if (found < value) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
