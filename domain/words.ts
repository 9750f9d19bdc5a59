import { characterStartAt } from "./graphemes";

/**
 * Chinese and Japanese leave no space between words, so a run of letters there is a clause, not a
 * word. Inside such a run the word boundaries are those of `Intl.Segmenter` (granularity "word",
 * ICU's dictionary), in the document's language when it is known. Scripts that space their words
 * keep the letter-run rule of token-boundaries.ts.
 */
const withoutSpaces = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** How far the segmented window reaches each side: a clause, not the document. */
const reach = 32;

const segmenters = new Map<string, Intl.Segmenter>();

function wordSegmenter(lang: string | undefined): Intl.Segmenter {
  const key = lang ?? "";
  let segmenter = segmenters.get(key);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(supportedLocale(lang), { granularity: "word" });
    segmenters.set(key, segmenter);
  }
  return segmenter;
}

/** A tag the runtime knows, or undefined (its default) for a missing or malformed one. */
function supportedLocale(lang: string | undefined): string | undefined {
  if (!lang) return undefined;
  try {
    return Intl.Segmenter.supportedLocalesOf([lang])[0];
  } catch {
    return undefined;
  }
}

/** Whether either character around `offset` is of a script written without spaces. */
export function touchesScriptWithoutSpaces(before: string, after: string): boolean {
  return withoutSpaces.test(before) || withoutSpaces.test(after);
}

/** The last window segmented: moving a cursor or snapping asks about neighbouring offsets. */
let last: {
  text: string;
  lang: string | undefined;
  from: number;
  to: number;
  words: Intl.Segments;
} | null = null;

/** Whether the word segmenter puts a boundary at `offset`, looking only at the text nearby. */
export function isSegmenterWordBoundary(text: string, offset: number, lang?: string): boolean {
  const margin = reach / 2;
  const reusable =
    last?.text === text &&
    last.lang === lang &&
    (last.from === 0 || offset - last.from >= margin) &&
    (last.to === text.length || last.to - offset >= margin) &&
    offset >= last.from &&
    offset <= last.to;
  if (!reusable || !last) {
    const from = characterStartAt(text, Math.max(0, offset - reach));
    const to = characterStartAt(text, Math.min(text.length, offset + reach));
    last = { text, lang, from, to, words: wordSegmenter(lang).segment(text.slice(from, to)) };
  }
  const found = last.words.containing(offset - last.from);
  return !found || found.index === offset - last.from;
}
