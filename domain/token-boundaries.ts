import { clusterAt, snapToCharacters } from "./graphemes";
import { trimWhitespace } from "./spans";
import type { Token } from "./tokenize";
import { isSegmenterWordBoundary, touchesScriptWithoutSpaces } from "./words";

/**
 * Token positions found by looking only at the characters around an offset, so a 200,000-character
 * document need not be tokenized to move a cursor or snap a selection. These are the words an
 * annotator means: those of `tokenize` (a run of letters, numbers and marks; any other character
 * that is not white space alone), except that a "." or "," between two digits joins them, so that
 * "10,000" and "3.5" are one word to tag. `tokenize` keeps splitting them for agreement and the
 * token formats, where a span over "10,000" still starts and ends on token boundaries.
 *
 * Two refinements keep words whole and apart: a step is a whole character (grapheme cluster, see
 * graphemes.ts), so a family emoji or "e" + U+0301 is never cut; and where Chinese or Japanese
 * letters meet, the word segmenter decides (words.ts), so 北京 is a word and not its clause.
 * `lang` is the document's language, when known.
 */
type Range = { start: number; end: number };

const word = /^[\p{L}\p{N}\p{M}]/u;
const space = /^\p{White_Space}/u;
const digit = /^\p{Nd}$/u;
const numberSeparator = /^[.,]$/;

/** The character (grapheme cluster) starting at `offset`, or "" at the end of the text. */
function charAt(text: string, offset: number): string {
  if (offset >= text.length) return "";
  return text.slice(offset, clusterAt(text, offset).end);
}

/** The character ending at `offset`, or "" at the start of the text. */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return "";
  return text.slice(clusterAt(text, offset - 1).start, offset);
}

const isSpace = (char: string) => char === "" || space.test(char);

/** Whether the character at `offset` is part of a word, separators inside numbers included. */
function inWord(text: string, offset: number): boolean {
  const char = charAt(text, offset);
  if (word.test(char)) return true;
  return (
    numberSeparator.test(char) &&
    digit.test(charBefore(text, offset)) &&
    digit.test(charAt(text, offset + 1))
  );
}

/** Whether `offset` lies inside a word: word characters both sides, and no segmenter boundary. */
function joins(text: string, offset: number, lang: string | undefined): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = charBefore(text, offset);
  if (!inWord(text, offset - before.length) || !inWord(text, offset)) return false;
  if (!touchesScriptWithoutSpaces(before, charAt(text, offset))) return true;
  return !isSegmenterWordBoundary(text, offset, lang);
}

/** Widens a range that starts or ends inside a word to whole words, after trimming white space. */
export function snapToTokens(
  text: string,
  start: number,
  end: number,
  lang?: string,
): Range | null {
  const trimmed = trimWhitespace(text, start, end);
  if (!trimmed) return null;
  // A selection may end inside an emoji or before an accent; the whole character is what was meant.
  let { start: from, end: to } = snapToCharacters(text, trimmed);
  while (joins(text, from, lang)) from -= charBefore(text, from).length;
  while (joins(text, to, lang)) to += charAt(text, to).length;
  return { start: from, end: to };
}

/** The token that holds the character at `offset`, or null on white space or past the end. */
export function tokenAt(text: string, offset: number, lang?: string): Token | null {
  if (offset < 0 || offset >= text.length) return null;
  const cluster = clusterAt(text, offset);
  const char = text.slice(cluster.start, cluster.end);
  if (isSpace(char)) return null;
  if (!inWord(text, cluster.start)) return token(text, cluster.start, cluster.end);
  let { start, end } = cluster;
  while (joins(text, start, lang)) start -= charBefore(text, start).length;
  while (joins(text, end, lang)) end += charAt(text, end).length;
  return token(text, start, end);
}

/** The first token that starts at or after `offset` (an offset inside a word counts its end). */
export function tokenFrom(text: string, offset: number, lang?: string): Token | null {
  let at = snapToCharacters(text, { start: offset, end: offset }).end;
  while (joins(text, at, lang)) at += charAt(text, at).length;
  while (at < text.length && isSpace(charAt(text, at))) at += charAt(text, at).length;
  return tokenAt(text, at, lang);
}

/** The last token that ends at or before `offset` (an offset inside a word counts its start). */
export function tokenBefore(text: string, offset: number, lang?: string): Token | null {
  let at = snapToCharacters(text, { start: offset, end: offset }).start;
  while (joins(text, at, lang)) at -= charBefore(text, at).length;
  while (at > 0 && isSpace(charBefore(text, at))) at -= charBefore(text, at).length;
  return at > 0 ? tokenAt(text, at - charBefore(text, at).length, lang) : null;
}

function token(text: string, start: number, end: number): Token {
  return { start, end, text: text.slice(start, end) };
}
