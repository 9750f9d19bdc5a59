import { describe, expect, it } from "vitest";
import { trimWhitespace } from "./spans";
import { snapToTokens, tokenAt, tokenBefore, tokenFrom } from "./token-boundaries";
import { tokenize, type Token } from "./tokenize";

/**
 * The words snapping and the cursor use, as one regular expression over the whole text: the
 * tokens of `tokenize`, with a "." or "," between two digits joining them into one.
 */
function snappingWords(text: string): Token[] {
  const pattern =
    /(?:[\p{L}\p{N}\p{M}]|(?<=\p{Nd})[.,](?=\p{Nd}))+|[^\p{L}\p{N}\p{M}\p{White_Space}]/gu;
  return Array.from(text.matchAll(pattern), (match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}

/** Deterministic texts mixing words, punctuation, spaces, marks and astral characters. */
function sampleTexts(): string[] {
  const pieces = [
    "Ana",
    "de",
    "😀",
    "e\u0301",
    ",",
    " ",
    "  ",
    "\n",
    "3.5",
    "10",
    ".",
    "𝒳y",
    "—",
    "Kursk",
    "'s",
  ];
  const texts: string[] = [];
  let state = 7;
  for (let t = 0; t < 200; t++) {
    let text = "";
    const length = 1 + (t % 12);
    for (let i = 0; i < length; i++) {
      state = (state * 1103515245 + 12345) % 2147483648;
      text += pieces[state % pieces.length];
    }
    texts.push(text);
  }
  return texts;
}

describe("token boundaries agree with the snapping words", () => {
  it.each(sampleTexts().map((text) => [JSON.stringify(text), text]))("%s", (_, text) => {
    const tokens = snappingWords(text);
    tokens.forEach((token, i) => {
      for (let offset = token.start; offset < token.end; offset++) {
        if (text.charCodeAt(offset) >= 0xdc00 && text.charCodeAt(offset) <= 0xdfff) continue;
        expect(tokenAt(text, offset)).toEqual(token);
      }
      expect(tokenFrom(text, token.start)).toEqual(token);
      expect(tokenFrom(text, token.end)).toEqual(tokens[i + 1] ?? null);
      expect(tokenBefore(text, token.end)).toEqual(token);
      expect(tokenBefore(text, token.start)).toEqual(tokens[i - 1] ?? null);
    });
    const starts = new Set(tokens.map((token) => token.start));
    const ends = new Set(tokens.map((token) => token.end));
    for (let start = 0; start < text.length; start++) {
      for (let end = start + 1; end <= text.length; end++) {
        const snapped = snapToTokens(text, start, end);
        const trimmed = trimWhitespace(text, start, end);
        expect(snapped === null).toBe(trimmed === null);
        if (!snapped || !trimmed) continue;
        expect(starts.has(snapped.start)).toBe(true);
        expect(ends.has(snapped.end)).toBe(true);
        expect(snapped.start).toBeLessThanOrEqual(trimmed.start);
        expect(snapped.end).toBeGreaterThanOrEqual(trimmed.end);
      }
    }
  });
});

describe("snapToTokens", () => {
  it.each([
    ["a selection inside a word", "New York City", 5, 7, "York"],
    ["a selection across two word ends", "New York City", 1, 6, "New York"],
    ["whole words", "New York City", 4, 8, "York"],
    ["surrounding white space", "New York City", 3, 9, "York"],
    ["punctuation next to a word", "Kursk, Russia", 3, 6, "Kursk,"],
    ["a word with an emoji neighbour", "a😀Bob", 4, 5, "Bob"],
  ])("widens %s", (_, text, start, end, expected) => {
    const snapped = snapToTokens(text, start, end);
    expect(snapped && text.slice(snapped.start, snapped.end)).toBe(expected);
  });

  it.each([
    ["a number with group separators", "paid 10,000 roubles", 6, 7, "10,000"],
    ["a decimal number", "rose 3.5 per cent", 5, 6, "3.5"],
    ["a number with both", "1,000,000.25 tons", 0, 2, "1,000,000.25"],
    ["a number before a full stop", "in 2024. Then", 3, 5, "2024"],
    ["a number before a comma and space", "10, 20", 0, 1, "10"],
  ])("keeps %s one word", (_, text, start, end, expected) => {
    const snapped = snapToTokens(text, start, end);
    expect(snapped && text.slice(snapped.start, snapped.end)).toBe(expected);
  });

  it("gives null for white space only", () => {
    expect(snapToTokens("a   b", 1, 4)).toBeNull();
  });
});

describe("the agreement tokenizer", () => {
  it("still splits numbers at their separators, as documented", () => {
    expect(tokenize("10,000 and 3.5").map((token) => token.text)).toEqual([
      ...("10,000".match(/\d+|,/g) ?? []),
      "and",
      "3",
      ".",
      "5",
    ]);
  });
});

describe("token cursor moves", () => {
  const text = "Mark Rutte, NATO";
  it("steps forward and back through tokens", () => {
    expect(tokenFrom(text, 0)?.text).toBe("Mark");
    expect(tokenFrom(text, 4)?.text).toBe("Rutte");
    expect(tokenFrom(text, 10)?.text).toBe(",");
    expect(tokenFrom(text, 11)?.text).toBe("NATO");
    expect(tokenFrom(text, 16)).toBeNull();
    expect(tokenBefore(text, 16)?.text).toBe("NATO");
    expect(tokenBefore(text, 12)?.text).toBe(",");
    expect(tokenBefore(text, 0)).toBeNull();
  });

  it("steps over a number as one word", () => {
    const prices = "from 10,000 to 3.5, now";
    expect(tokenFrom(prices, 4)?.text).toBe("10,000");
    expect(tokenFrom(prices, 11)?.text).toBe("to");
    expect(tokenFrom(prices, 14)?.text).toBe("3.5");
    expect(tokenFrom(prices, 18)?.text).toBe(",");
    expect(tokenBefore(prices, 18)?.text).toBe("3.5");
    expect(tokenAt(prices, 8)?.text).toBe("10,000");
  });
});
