import { describe, expect, it } from "vitest";
import { expectInputError } from "../test-support/format-records";
import { formatJsonPath, parseJsonSource, splitJsonValues } from "./json-source";

describe("parseJsonSource", () => {
  const source = '{\n  "a": [\n    1,\n    {"b": 2}\n  ],\n  "c": {\n    "d": true\n  }\n}';

  it("finds the line of a value, of a key whose value spans lines, or of the nearest ancestor", () => {
    const json = parseJsonSource(source, 10);
    expect(json.lineOf(["a", 1, "b"])).toBe(13);
    expect(json.lineOf(["c"])).toBe(15);
    expect(json.lineOf(["c", "missing", 0])).toBe(15);
    expect(json.lineOf([])).toBe(10);
  });

  it.each([
    { name: "a trailing comma", source: '{\n  "a": 1,\n}', line: 3 },
    { name: "a comment", source: '{\n  // no\n  "a": 1\n}', line: 2 },
    { name: "nothing at all", source: "", line: 1 },
  ])("rejects $name as invalid JSON at its line", ({ source, line }) => {
    const error = expectInputError(() => parseJsonSource(source), line, null);
    expect(error.reason).toMatch(/^not valid JSON/);
  });

  it("names paths the way the rest of Concord does", () => {
    expect(formatJsonPath([0, "annotations", 1, "result"])).toBe("[0].annotations[1].result");
    expect(formatJsonPath(["label", 2, 0])).toBe("label[2][0]");
  });
});

describe("splitJsonValues", () => {
  it("cuts JSONL and pretty-printed values apart, ignoring brackets inside strings", () => {
    const content = '{"a": "}{"}\n\n{\n  "b": [1,\n 2]\n}  {"c": "\\"]"}\n[1]\n';
    expect(splitJsonValues(content)).toEqual([
      { source: '{"a": "}{"}', line: 1 },
      { source: '{\n  "b": [1,\n 2]\n}', line: 3 },
      { source: '{"c": "\\"]"}', line: 6 },
      { source: "[1]", line: 7 },
    ]);
  });

  it("runs stray top-level text to the end of its line, where parsing will report it", () => {
    expect(splitJsonValues('{"a": 1} x y\n{"b": 2}')).toEqual([
      { source: '{"a": 1}', line: 1 },
      { source: "x y", line: 1 },
      { source: '{"b": 2}', line: 2 },
    ]);
  });
});
