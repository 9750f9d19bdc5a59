import { describe, expect, it } from "vitest";
import { contrastRatio, parseHexColor, relativeLuminance } from "./contrast";

describe("contrastRatio", () => {
  // Figures as WebAIM's contrast checker gives them, for the WCAG 2.1 formula.
  it.each([
    ["#000000", "#ffffff", 21],
    ["#ffffff", "#ffffff", 1],
    ["#777777", "#ffffff", 4.48],
    ["#767676", "#ffffff", 4.54],
    ["#0000ff", "#ffffff", 8.59],
    ["#ff0000", "#000000", 5.25],
  ])("%s on %s is %d:1, in either order", (a, b, ratio) => {
    expect(contrastRatio(parseHexColor(a), parseHexColor(b))).toBeCloseTo(ratio, 2);
    expect(contrastRatio(parseHexColor(b), parseHexColor(a))).toBeCloseTo(ratio, 2);
  });

  it("weighs green most and blue least", () => {
    expect(relativeLuminance([0, 255, 0])).toBeCloseTo(0.7152, 4);
    expect(relativeLuminance([255, 0, 0])).toBeCloseTo(0.2126, 4);
    expect(relativeLuminance([0, 0, 255])).toBeCloseTo(0.0722, 4);
  });
});
