import { describe, expect, it } from "vitest";
import { createOffsetMap } from "./offsets";

/** Code point offset -> UTF-16 offset, the slow and obvious way. */
function utf16OfCodePoint(text: string, codePoint: number): number {
  return [...text].slice(0, codePoint).join("").length;
}

/** Is `utf16` strictly between the two halves of a well-formed surrogate pair? */
function isInsidePair(text: string, utf16: number): boolean {
  const before = text.charCodeAt(utf16 - 1);
  const after = text.charCodeAt(utf16);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}

describe("createOffsetMap", () => {
  it.each([
    // [description, text, code points, UTF-16 units]
    ["plain ASCII", "hello", 5, 5],
    ["empty text", "", 0, 0],
    ["emoji with skin tone modifier", "👍🏽", 2, 4],
    ["emoji between letters", "a😀b", 3, 4],
    ["combining acute accent", "e\u0301", 2, 2],
    ["CJK in the Basic Multilingual Plane", "東京タワー", 5, 5],
    ["CJK outside the BMP", "𠮷野家", 3, 4],
    ["lone high surrogate counts as one code point", "a\ud83db", 3, 3],
  ])("%s: %j has %i code points in %i UTF-16 units", (_, text, codePoints, units) => {
    expect(text.length).toBe(units);
    expect([...text].length).toBe(codePoints);
    expect(createOffsetMap(text).codePointLength).toBe(codePoints);
  });

  it("maps the code points of 👍🏽 to UTF-16 offsets 0, 2 and 4", () => {
    const map = createOffsetMap("👍🏽");
    expect([0, 1, 2].map((cp) => map.toUtf16(cp))).toEqual([0, 2, 4]);
    expect(map.toUtf16(3)).toBeUndefined();
  });

  it("maps the UTF-16 offsets of 👍🏽 back, refusing the middle of each surrogate pair", () => {
    const map = createOffsetMap("👍🏽");
    expect([0, 1, 2, 3, 4, 5].map((unit) => map.toCodePoint(unit))).toEqual([
      0,
      undefined,
      1,
      undefined,
      2,
      undefined,
    ]);
  });

  it.each([["hello"], ["e\u0301"], ["東京タワー"], ["café"]])(
    "is the identity on %j, where every code point is one UTF-16 unit",
    (text) => {
      const map = createOffsetMap(text);
      for (let i = 0; i <= text.length; i++) {
        expect(map.toUtf16(i)).toBe(i);
        expect(map.toCodePoint(i)).toBe(i);
      }
      expect(map.toUtf16(text.length + 1)).toBeUndefined();
      expect(map.toCodePoint(text.length + 1)).toBeUndefined();
    },
  );

  it.each([["hello"], ["a😀b"], ["👍🏽"]])(
    "returns undefined for negative and fractional offsets in %j",
    (text) => {
      const map = createOffsetMap(text);
      for (const bad of [-1, 0.5, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
        expect(map.toUtf16(bad)).toBeUndefined();
        expect(map.toCodePoint(bad)).toBeUndefined();
      }
    },
  );

  const mixed = [
    "hello",
    "👍🏽",
    "a😀b",
    "e\u0301 👍🏽 東京 𠮷野家!",
    "🇫🇷🇩🇪 flags are two regional indicators each",
    "Zoë 👩‍👩‍👧 family (zero-width joiners)",
    "a\ud83db lone surrogate",
    "",
  ];

  it.each(mixed.map((text) => [text]))("round-trips every code point boundary of %j", (text) => {
    const map = createOffsetMap(text);
    const codePoints = [...text].length;
    expect(map.codePointLength).toBe(codePoints);
    for (let cp = 0; cp <= codePoints; cp++) {
      const unit = map.toUtf16(cp);
      expect(unit).toBe(utf16OfCodePoint(text, cp));
      expect(map.toCodePoint(unit as number)).toBe(cp);
    }
    expect(map.toUtf16(codePoints + 1)).toBeUndefined();
  });

  it.each(mixed.map((text) => [text]))(
    "maps every UTF-16 offset of %j to its code point, or undefined inside a pair",
    (text) => {
      const map = createOffsetMap(text);
      for (let unit = 0; unit <= text.length; unit++) {
        const expected = isInsidePair(text, unit) ? undefined : [...text.slice(0, unit)].length;
        expect(map.toCodePoint(unit)).toBe(expected);
      }
      expect(map.toCodePoint(text.length + 1)).toBeUndefined();
    },
  );

  it("lets code point slices and UTF-16 slices pick the same characters", () => {
    const text = "e\u0301 👍🏽 Ana met 李雷 in 𠮷野家.";
    const map = createOffsetMap(text);
    const chars = [...text];
    for (let a = 0; a <= chars.length; a++) {
      for (let b = a; b <= chars.length; b++) {
        expect(text.slice(map.toUtf16(a), map.toUtf16(b))).toBe(chars.slice(a, b).join(""));
      }
    }
  });
});
