import { splitsSurrogatePair } from "./offsets";
import { trimWhitespace } from "./spans";
import type { Token } from "./tokenize";

/**
 * Token positions found by looking only at the characters around an offset, so a 200,000-character
 * document need not be tokenized to move a cursor or snap a selection. These are the words an
 * annotator means: those of `tokenize` (a run of letters, numbers and marks; any other character
 * that is not white space alone), except that a "." or "," between two digits joins them, so that
 * "10,000" and "3.5" are one word to tag. `tokenize` keeps splitting them for agreement and the
 * token formats, where a span over "10,000" still starts and ends on token boundaries.
 */
type Range = { start: number; end: number };

const word = /^[\p{L}\p{N}\p{M}]$/u;
const space = /^\p{White_Space}$/u;
const digit = /^\p{Nd}$/u;
const numberSeparator = /^[.,]$/;

/** The code point starting at `offset`, or "" at the end of the text. */
function charAt(text: string, offset: number): string {
  const codePoint = text.codePointAt(offset);
  return codePoint === undefined ? "" : String.fromCodePoint(codePoint);
}

/** The code point ending at `offset`, or "" at the start of the text. */
function charBefore(text: string, offset: number): string {
  if (offset <= 0) return "";
  const low = text.charCodeAt(offset - 1);
  const high = text.charCodeAt(offset - 2);
  const isPair = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  return isPair ? text.slice(offset - 2, offset) : text.charAt(offset - 1);
}

const isSpace = (char: string) => char === "" || space.test(char);

/** Whether the code point at `offset` is part of a word, separators inside numbers included. */
function inWord(text: string, offset: number): boolean {
  const char = charAt(text, offset);
  if (word.test(char)) return true;
  return (
    numberSeparator.test(char) &&
    digit.test(charBefore(text, offset)) &&
    digit.test(charAt(text, offset + 1))
  );
}

/** Whether the code point ending at `offset` is part of a word. */
const wordBefore = (text: string, offset: number) =>
  offset > 0 && inWord(text, offset - charBefore(text, offset).length);

/** Whether the code point starting at `offset` is part of a word. */
const wordAt = (text: string, offset: number) => offset < text.length && inWord(text, offset);

/** Widens a range that starts or ends inside a word to whole words, after trimming white space. */
export function snapToTokens(text: string, start: number, end: number): Range | null {
  const trimmed = trimWhitespace(text, start, end);
  if (!trimmed) return null;
  // A selection may end between the halves of an emoji; the whole character is what was meant.
  let from = trimmed.start - (splitsSurrogatePair(text, trimmed.start) ? 1 : 0);
  let to = trimmed.end + (splitsSurrogatePair(text, trimmed.end) ? 1 : 0);
  while (wordBefore(text, from) && wordAt(text, from)) from -= charBefore(text, from).length;
  while (wordBefore(text, to) && wordAt(text, to)) to += charAt(text, to).length;
  return { start: from, end: to };
}

/** The token that holds the character at `offset`, or null on white space or past the end. */
export function tokenAt(text: string, offset: number): Token | null {
  const char = charAt(text, offset);
  if (isSpace(char)) return null;
  if (!inWord(text, offset)) return token(text, offset, offset + char.length);
  let start = offset;
  let end = offset + char.length;
  while (wordBefore(text, start)) start -= charBefore(text, start).length;
  while (wordAt(text, end)) end += charAt(text, end).length;
  return token(text, start, end);
}

/** The first token that starts at or after `offset` (an offset inside a word counts its end). */
export function tokenFrom(text: string, offset: number): Token | null {
  let at = offset;
  while (wordBefore(text, at) && wordAt(text, at)) at += charAt(text, at).length;
  while (at < text.length && isSpace(charAt(text, at))) at += charAt(text, at).length;
  return tokenAt(text, at);
}

/** The last token that ends at or before `offset` (an offset inside a word counts its start). */
export function tokenBefore(text: string, offset: number): Token | null {
  let at = offset;
  while (wordBefore(text, at) && wordAt(text, at)) at -= charBefore(text, at).length;
  while (at > 0 && isSpace(charBefore(text, at))) at -= charBefore(text, at).length;
  return at > 0 ? tokenAt(text, at - charBefore(text, at).length) : null;
}

function token(text: string, start: number, end: number): Token {
  return { start, end, text: text.slice(start, end) };
}
