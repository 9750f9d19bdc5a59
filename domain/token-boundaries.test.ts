import { describe, expect, it } from "vitest";
import { trimWhitespace } from "./spans";
import { snapToTokens, tokenAt, tokenBefore, tokenFrom } from "./token-boundaries";
import { tokenize } from "./tokenize";

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

describe("token boundaries agree with tokenize", () => {
  it.each(sampleTexts().map((text) => [JSON.stringify(text), text]))("%s", (_, text) => {
    const tokens = tokenize(text);
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

  it("gives null for white space only", () => {
    expect(snapToTokens("a   b", 1, 4)).toBeNull();
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
});
