import { describe, expect, it } from "vitest";
import { textField } from "./text-field";

function problemOf(schema: ReturnType<typeof textField>, value: unknown): string | null {
  const result = schema.safeParse(value);
  return result.success ? null : (result.error.issues[0]?.message ?? "refused");
}

describe("textField", () => {
  const name = textField("project name", { max: 10, required: true, trim: true });
  const prose = textField("guidelines", { max: 100, multiline: true });

  it.each([
    ["Kursk", null],
    ["  Kursk  ", null],
    ["Zoë 👍🏽 李雷", null],
    ["", "project name is empty"],
    ["   ", "project name is empty"],
    ["a\u0000b", "project name holds a control character (U+0000) at character 2"],
    ["a\tb", "project name holds a control character (U+0009) at character 2"],
    ["a\nb", "project name holds a control character (U+000A) at character 2"],
    ["\u007f", "project name holds a control character (U+007F) at character 1"],
    ["x\u0085", "project name holds a control character (U+0085) at character 2"],
    ["ab\ud800", "project name holds half of a character (a lone surrogate) at character 3"],
    ["\udc00", "project name holds half of a character (a lone surrogate) at character 1"],
    ["0123456789x", "project name is 11 characters long: at most 10"],
  ])("judges %j", (value, problem) => {
    expect(problemOf(name, value)).toBe(problem);
  });

  it("counts characters, not UTF-16 units", () => {
    expect(problemOf(name, "😀".repeat(10))).toBeNull();
  });

  it("trims when asked", () => {
    expect(name.parse("  Kursk ")).toBe("Kursk");
    expect(prose.parse("  indented")).toBe("  indented");
  });

  it("lets prose have tabs and line breaks, never other controls", () => {
    expect(problemOf(prose, "# Rules\r\n\n\tTag people.")).toBeNull();
    expect(problemOf(prose, "a\u0000")).toMatch(
      /^guidelines holds a control character \(U\+0000\)/,
    );
    expect(problemOf(prose, "")).toBeNull();
  });

  it("refuses what is not a string", () => {
    expect(problemOf(prose, 12)).not.toBeNull();
  });
});
