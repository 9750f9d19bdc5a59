import { trimWhitespace, type Span } from "../spans";
import { tokenize, type Token } from "../tokenize";
import { decodeTags, encodeTags, type Tag, type TagScheme, type TokenEntity } from "./tags";

/**
 * Between Concord's character spans and token-tag formats (CoNLL, Hugging Face, spaCy v2 JSON).
 * Those files keep tokens, not text, so reading rebuilds the text the way the shared fixtures README
 * does: tokens joined by one space, sentences by "\n". Writing tokenizes with Concord's tokenizer.
 */
export type TaggedSentence = { tokens: string[]; tags: string[] };

export type TaggedDocument = {
  sentences: TaggedSentence[];
  /** Spans whose ends fall inside a token: dropped, since moving them would change the data. */
  unalignedSpans: number;
  /** Spans sharing a token with an earlier or longer kept span: a token carries one tag. */
  overlappingSpans: number;
};

/** What a token-format writer returns: the file, and the spans it could not hold. */
export type TokenExport = { content: string; unalignedSpans: number; overlappingSpans: number };

const sentenceTerminal = /^\p{Sentence_Terminal}$/u;
const closingPunctuation = /^[\p{Pe}\p{Pf}"']$/u;

export function tagDocument(
  text: string,
  spans: readonly Span[],
  scheme: TagScheme,
): TaggedDocument {
  const tokens = tokenize(text);
  const { entities, unalignedSpans, overlappingSpans } = placeSpansOnTokens(text, tokens, spans);
  const tags = encodeTags(tokens.length, entities, scheme);
  const sentences: TaggedSentence[] = [];
  for (const [first, end] of sentenceRanges(text, tokens, entities)) {
    sentences.push({
      tokens: tokens.slice(first, end).map((token) => token.text),
      tags: tags.slice(first, end),
    });
  }
  return { sentences, unalignedSpans, overlappingSpans };
}

/**
 * Text and spans (UTF-16) of tagged sentences: tokens joined by one space, sentences by "\n";
 * `tokenStarts` says where each token (in file order) begins in that text.
 */
export function documentFromSentences(
  sentences: readonly { tokens: readonly string[]; tags: readonly Tag[] }[],
): { text: string; spans: Span[]; tokenStarts: number[] } {
  let text = "";
  const spans: Span[] = [];
  const tokenStarts: number[] = [];
  sentences.forEach((sentence, s) => {
    if (s > 0) text += "\n";
    const starts: number[] = [];
    const ends: number[] = [];
    sentence.tokens.forEach((token, t) => {
      if (t > 0) text += " ";
      starts.push(text.length);
      tokenStarts.push(text.length);
      text += token;
      ends.push(text.length);
    });
    for (const entity of decodeTags(sentence.tags)) {
      spans.push({
        start: starts[entity.first] as number,
        end: ends[entity.end - 1] as number,
        label: entity.label,
      });
    }
  });
  return { text, spans, tokenStarts };
}

function placeSpansOnTokens(text: string, tokens: Token[], spans: readonly Span[]) {
  const tokenStartingAt = new Map(tokens.map((token, i) => [token.start, i]));
  const tokenEndingAt = new Map(tokens.map((token, i) => [token.end, i]));
  // Earlier first, and of two spans starting together the longer wins the tokens.
  const ordered = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const entities: TokenEntity[] = [];
  let unalignedSpans = 0;
  let overlappingSpans = 0;
  let claimedUpTo = 0;
  for (const span of ordered) {
    // Surrounding white space belongs to no token, so trimming it moves no token in or out.
    const trimmed = trimWhitespace(text, span.start, span.end);
    const first = trimmed && tokenStartingAt.get(trimmed.start);
    const last = trimmed && tokenEndingAt.get(trimmed.end);
    if (first == null || last == null) {
      unalignedSpans++;
    } else if (first < claimedUpTo) {
      overlappingSpans++;
    } else {
      entities.push({ first, end: last + 1, label: span.label });
      claimedUpTo = last + 1;
    }
  }
  return { entities, unalignedSpans, overlappingSpans };
}

/**
 * Sentences end at line breaks and after sentence-final punctuation (with any closing quotes or
 * brackets) followed by white space, never inside an entity: a sentence break ends a tag run.
 */
function sentenceRanges(
  text: string,
  tokens: Token[],
  entities: TokenEntity[],
): [number, number][] {
  const insideEntity = new Set<number>();
  for (const entity of entities) {
    for (let i = entity.first + 1; i < entity.end; i++) insideEntity.add(i);
  }
  const ranges: [number, number][] = [];
  let first = 0;
  let ended = false;
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (!previous) return;
    const gap = text.slice(previous.end, token.start);
    ended =
      sentenceTerminal.test(previous.text) ||
      (ended && closingPunctuation.test(previous.text) && previous.start === tokens[i - 2]?.end);
    const breaks = /[\n\r\u2028\u2029]/.test(gap) || (ended && gap !== "");
    if (breaks && !insideEntity.has(i)) {
      ranges.push([first, i]);
      first = i;
    }
  });
  if (tokens.length > 0) ranges.push([first, tokens.length]);
  return ranges;
}
