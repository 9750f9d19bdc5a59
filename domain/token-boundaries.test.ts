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

describe("whole characters", () => {
  const family = "👩‍👩‍👧";

  it("steps over a family emoji as one token", () => {
    const text = `met ${family} today`;
    const emoji = { start: 4, end: 4 + family.length, text: family };
    expect(tokenFrom(text, 3)).toEqual(emoji);
    expect(tokenFrom(text, emoji.end)?.text).toBe("today");
    expect(tokenBefore(text, emoji.end)).toEqual(emoji);
    for (let offset = emoji.start; offset < emoji.end; offset++) {
      expect(tokenAt(text, offset)).toEqual(emoji);
    }
  });

  it.each([
    ["half a family emoji", `a ${"👩‍👩‍👧"} b`, 2, 4, "👩‍👩‍👧"],
    ["half a flag", "in 🇦🇷 now", 3, 5, "🇦🇷"],
    ["a letter without its accent", "cafe\u0301 noir", 3, 4, "cafe\u0301"],
    ["a consonant without its nukta", "मुला\u0915\u093Cात हुई", 0, 5, "मुला\u0915\u093Cात"],
  ])("widens %s to whole characters", (_, text, start, end, expected) => {
    const snapped = snapToTokens(text, start, end);
    expect(snapped && text.slice(snapped.start, snapped.end)).toBe(expected);
  });
});

describe("words without spaces", () => {
  const chinese = "俄罗斯总统表示，乌克兰问题需要通过谈判解决。我明天要去北京大学参加会议。";
  const japanese = "東京都の知事は記者会見で発表した。";
  const range = (text: string, word: string) => {
    const start = text.indexOf(word);
    return [start, start + word.length] as const;
  };

  it.each([
    ["北京 in a Chinese clause", chinese, "北京", "北京", "zh"],
    ["乌克兰 after a comma", chinese, "乌克兰", "乌克兰", "zh"],
    ["part of 乌克兰", chinese, "克", "乌克兰", undefined],
    ["東京 in a Japanese clause", japanese, "東京", "東京", "ja"],
    ["記者 without a language", japanese, "記者", "記者", undefined],
  ])("snaps a drag over %s to the word, not the clause", (_, text, dragged, expected, lang) => {
    const [start, end] = range(text, dragged);
    const snapped = snapToTokens(text, start, end, lang);
    expect(snapped && text.slice(snapped.start, snapped.end)).toBe(expected);
  });

  it("moves the cursor word by word through a clause", () => {
    const text = "我明天要去北京大学。";
    const words: string[] = [];
    for (let token = tokenFrom(text, 0, "zh"); token; token = tokenFrom(text, token.end, "zh")) {
      words.push(token.text);
    }
    expect(words).toEqual(["我", "明天", "要", "去", "北京", "大学", "。"]);
  });

  it.each([
    ["an Arabic word with its prefix", "قال للصحفيين إن", 5, 6, "للصحفيين"],
    ["a Hebrew word with its prefix", "הוא נסע בירושלים אתמול", 9, 10, "בירושלים"],
    ["a Russian word", "Москва заявила", 2, 3, "Москва"],
    ["a number with group separators", "支付 10,000 元", 4, 5, "10,000"],
  ])("keeps %s whole, as before", (_, text, start, end, expected) => {
    const snapped = snapToTokens(text, start, end);
    expect(snapped && text.slice(snapped.start, snapped.end)).toBe(expected);
  });
});
