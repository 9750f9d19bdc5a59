import { describe, expect, it } from "vitest";
import { createJsonValueSplitter, type JsonValueChunk } from "./json-stream";

function split(content: string, elementsOfList = false): JsonValueChunk[] {
  const splitter = createJsonValueSplitter({ elementsOfList });
  const lines = content.split("\n");
  return [...lines.flatMap((line, i) => splitter.line(line, i + 1)), ...splitter.end()];
}

describe("createJsonValueSplitter", () => {
  it("gives one value per JSONL line, blank lines left out", () => {
    expect(split('{"a": 1}\n\n{"b": "}{"}\n')).toEqual([
      { source: '{"a": 1}', line: 1 },
      { source: '{"b": "}{"}', line: 3 },
    ]);
  });

  it("joins a pretty-printed object, brackets and escaped quotes inside strings ignored", () => {
    const content = '{"text": "a \\" ] }",\n "label": [\n  [0, 1, "X"]]}\n{"text": "b"}';
    expect(split(content)).toEqual([
      { source: '{"text": "a \\" ] }",\n "label": [\n  [0, 1, "X"]]}', line: 1 },
      { source: '{"text": "b"}', line: 4 },
    ]);
  });

  it("gives the elements of a list, each with the line it starts on", () => {
    const content = '[\n  {"id": 1,\n   "data": {}},\n  {"id": 2}\n]\n';
    expect(split(content, true)).toEqual([
      { source: '{"id": 1,\n   "data": {}}', line: 2 },
      { source: '{"id": 2}', line: 4 },
    ]);
  });

  it("gives a lone object when a list was expected", () => {
    expect(split('{"id": 1}', true)).toEqual([{ source: '{"id": 1}', line: 1 }]);
  });

  it("hands back stray text and unfinished values, for the parser to report", () => {
    expect(split('{"a": 1}\nnope, "x"\n{"b": [')).toEqual([
      { source: '{"a": 1}', line: 1 },
      { source: 'nope, "x"', line: 2 },
      { source: '{"b": [\n', line: 3 },
    ]);
  });
});
