import { findNodeAtLocation, parseTree, type Node, type ParseError } from "jsonc-parser";
import { InputError } from "../errors";
import type { SkippedEntry } from "./records";

/**
 * JSON with line numbers. `JSON.parse` forgets where a value was, but an error in a pretty-printed
 * Label Studio export must still name its line, so a located syntax tree is built on demand (only
 * when something needs reporting) with jsonc-parser, held to strict JSON: no comments, no trailing
 * commas.
 */
export type JsonPath = (string | number)[];

export type JsonSource = {
  value: unknown;
  /** 1-based line of the value at `path`, or of its nearest ancestor present in the source. */
  lineOf(path: JsonPath): number;
};

const strict = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** Parses `source`, whose first character sits on line `firstLine` of the file. */
export function parseJsonSource(source: string, firstLine = 1): JsonSource {
  const lines = lineLocator(source, firstLine);
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const errors: ParseError[] = [];
    parseTree(source, errors, strict);
    throw new InputError(
      lines(errors[0]?.offset ?? 0),
      null,
      `not valid JSON (${(error as Error).message})`,
    );
  }

  let tree: Node | undefined;
  return {
    value,
    lineOf(path) {
      tree ??= parseTree(source, [], strict);
      if (!tree) return firstLine;
      for (let depth = path.length; depth >= 0; depth--) {
        const node = findNodeAtLocation(tree, path.slice(0, depth));
        // A property's line is its key's line, which is where a reader looks for it.
        if (node) return lines(node.parent?.type === "property" ? node.parent.offset : node.offset);
      }
      return firstLine;
    },
  };
}

/** `[0].annotations[1].result` style, as the rest of Concord names fields. */
export function formatJsonPath(path: JsonPath): string {
  return path
    .map((key, i) => (typeof key === "number" ? `[${key}]` : i === 0 ? key : `.${key}`))
    .join("");
}

/** A report of the value at `path`, left out of the import for `reason`. */
export function skippedAt(source: JsonSource, path: JsonPath, reason: string): SkippedEntry {
  return { line: source.lineOf(path), field: formatJsonPath(path) || null, reason };
}

/** Throws the InputError for the field at `path`. */
export function failAt(source: JsonSource, path: JsonPath, reason: string): never {
  throw new InputError(source.lineOf(path), formatJsonPath(path) || null, reason);
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function lineLocator(source: string, firstLine: number): (offset: number) => number {
  let lineStarts: number[] | undefined;
  return (offset) => {
    lineStarts ??= [0, ...Array.from(source.matchAll(/\n/g), (match) => match.index + 1)];
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] as number) <= offset) low = mid;
      else high = mid - 1;
    }
    return firstLine + low;
  };
}

/** One top-level JSON value of a file holding several, with the line it starts on. */
export type JsonChunk = { source: string; line: number };

/**
 * Cuts a file of JSON values one after another into values: JSONL, but also pretty-printed objects
 * spread over many lines, as in doccano's own examples. Only brackets outside strings count; any
 * other text at the top level runs to the end of its line, so that parsing it reports the error.
 */
export function splitJsonValues(content: string): JsonChunk[] {
  const chunks: JsonChunk[] = [];
  let line = 1;
  let i = 0;
  while (i < content.length) {
    const char = content[i] as string;
    if (/\s/.test(char)) {
      if (char === "\n") line++;
      i++;
      continue;
    }
    const start = i;
    const startLine = line;
    if (char === "{" || char === "[") {
      i = endOfBracketedValue(content, i);
      line += countNewlines(content.slice(start, i));
    } else {
      const end = content.indexOf("\n", i);
      i = end < 0 ? content.length : end;
    }
    chunks.push({ source: content.slice(start, i), line: startLine });
  }
  return chunks;
}

function endOfBracketedValue(content: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < content.length; i++) {
    const char = content[i];
    if (inString) {
      if (char === "\\") i++;
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
    } else if (char === "{" || char === "[") {
      depth++;
    } else if ((char === "}" || char === "]") && --depth === 0) {
      return i + 1;
    }
  }
  return content.length;
}

function countNewlines(text: string): number {
  return text.match(/\n/g)?.length ?? 0;
}
