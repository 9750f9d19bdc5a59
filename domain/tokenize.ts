/**
 * Concord's tokenizer: a maximal run of letters, numbers and marks (Unicode L, N, M), or any single
 * other character that is not white space. Agreement metrics and token-based formats (CoNLL,
 * Hugging Face) share it, so a token means the same thing everywhere.
 */
export type Token = { start: number; end: number; text: string };

const tokenPattern = /[\p{L}\p{N}\p{M}]+|[^\p{L}\p{N}\p{M}\p{White_Space}]/gu;

/** Tokens with UTF-16 offsets into `text`, in order. */
export function tokenize(text: string): Token[] {
  return Array.from(text.matchAll(tokenPattern), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}
