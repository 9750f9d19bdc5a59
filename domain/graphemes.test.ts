import { describe, expect, it } from "vitest";
import { characterEndAt, characterStartAt, clusterAt, splitsCharacter } from "./graphemes";

const family = "👩‍👩‍👧";
const argentina = "🇦🇷";
const meeting = "मुला\u0915\u093Cात"; // मुलाक़ात with क + nukta, as news sites often write it
const accented = "e\u0301";

/** Every offset where a span may start or end, by segmenting the whole text. */
function boundaries(text: string): number[] {
  const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });
  return [...Array.from(segmenter.segment(text), (segment) => segment.index), text.length];
}

describe("splitsCharacter", () => {
  it.each([
    ["a family emoji", `ab ${family} cd`, 3, 3 + family.length],
    ["a flag", `in ${argentina}.`, 3, 3 + argentina.length],
    ["a consonant with nukta and vowel sign", meeting, 4, 7],
    ["a combining accent", `caf${accented}!`, 3, 5],
    ["a skin tone", "👍🏽", 0, 4],
  ])("refuses every offset inside %s", (_, text, start, end) => {
    for (let offset = start + 1; offset < end; offset++) {
      expect(splitsCharacter(text, offset)).toBe(true);
    }
    expect(splitsCharacter(text, start)).toBe(false);
    expect(splitsCharacter(text, end)).toBe(false);
  });

  it("keeps the nukta with its consonant and the vowel sign with both", () => {
    const clusters = boundaries(meeting);
    expect(clusters.slice(1, -1).map((offset) => meeting.slice(0, offset))).toEqual([
      "मु",
      "मुला",
      "मुलाक़ा",
    ]);
    expect(splitsCharacter(meeting, meeting.indexOf("\u093C"))).toBe(true);
  });

  it("agrees with segmenting the whole text at every offset", () => {
    const text = `${family}${argentina}🇧🇷🇨🇱 Ana e\u0301\r\n${meeting} 北京 👍🏽x\u0300`;
    const allowed = new Set(boundaries(text));
    for (let offset = 0; offset <= text.length; offset++) {
      expect(splitsCharacter(text, offset), `offset ${offset}`).toBe(!allowed.has(offset));
    }
  });

  it("pairs flags from the start of a long run of them", () => {
    const flags = argentina.repeat(40);
    const text = `x ${flags}`;
    expect(splitsCharacter(text, 2 + flags.length - 4)).toBe(false);
    expect(splitsCharacter(text, 2 + flags.length - 2)).toBe(true);
  });

  it("never splits CR LF, and allows the text's ends", () => {
    expect(splitsCharacter("a\r\nb", 2)).toBe(true);
    expect(splitsCharacter(family, 0)).toBe(false);
    expect(splitsCharacter(family, family.length)).toBe(false);
  });

  it("looks at a window only, however long the text", () => {
    // No line break anywhere: the window must not be searched for back through the whole text.
    const text = `${"Ana met Bob. ".repeat(150_000)}${family}${"北京大学。".repeat(20_000)}`;
    const inside = 150_000 * 13 + 2;
    const started = performance.now();
    for (let i = 0; i < 1_000; i++) splitsCharacter(text, inside + (i % 5));
    expect(performance.now() - started).toBeLessThan(200);
    expect(splitsCharacter(text, inside)).toBe(true);
  });
});

describe("characterStartAt and characterEndAt", () => {
  it("widen an offset inside a character to the character's edges", () => {
    const text = `a${family}b`;
    expect(characterStartAt(text, 4)).toBe(1);
    expect(characterEndAt(text, 4)).toBe(1 + family.length);
    expect(clusterAt(text, 4)).toEqual({ start: 1, end: 1 + family.length });
  });

  it("leave a boundary where it is", () => {
    expect(characterStartAt("ab", 1)).toBe(1);
    expect(characterEndAt("ab", 1)).toBe(1);
  });
});
