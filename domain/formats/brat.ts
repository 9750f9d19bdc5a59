import { InputError } from "../errors";
import type { Span } from "../spans";
import { createSpanReader, isSpanProblem, type SpanReader } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { annotationOf, type SkippedEntry } from "./records";

/**
 * brat standoff: a document's text in a `.txt` and its annotations in a `.ann`, one per line,
 * fields separated by TABs. Text-bound lines, `T1<TAB>Label 0 5<TAB>text`, become spans; a
 * discontinuous one, `T1<TAB>Label 0 5;10 15<TAB>text`, lists fragments whose texts, joined by one
 * space, are its reference text. Relation (R), event (E), attribute (A, M), normalization (N), note
 * (#) and equivalence (*) lines have no place in Concord and are reported with their line numbers.
 *
 * Offsets count characters of the UTF-8 `.txt`, i.e. Unicode code points (brat's server is Python;
 * https://brat.nlplab.org/standoff.html), start inclusive, end exclusive. Each span's reference text
 * is checked against them, so byte offsets or a re-encoded `.txt` are caught.
 */
export type BratDiscontinuous =
  /** Each fragment becomes a span of the label. */
  | "split"
  /** One span from the first fragment's start to the last one's end; right for fragments brat
   * itself cut at line breaks when someone selected across lines. */
  | "merge"
  /** Left out and reported. */
  | "skip";

export type BratReadOptions = {
  /** Annotator of the imported spans (brat files name none); default "brat". */
  annotator?: string;
  /** Id of the document, typically the file name without extension. */
  id?: string | null;
  /** Default "split". */
  discontinuous?: BratDiscontinuous;
};

const skippedKinds: Record<string, string> = {
  R: "relation",
  E: "event",
  A: "attribute",
  M: "attribute",
  N: "normalization",
  "#": "note",
  "*": "equivalence",
};

export function readBrat(
  text: string,
  ann: string,
  options: BratReadOptions = {},
): { document: DocumentRecord; skipped: SkippedEntry[] } {
  const readSpan = createSpanReader(text, "code-points");
  const spans: Span[] = [];
  const skipped: SkippedEntry[] = [];
  const seenIds = new Set<string>();

  splitLines(ann).forEach((line, i) => {
    const lineNumber = i + 1;
    if (line.trim() === "") return;
    const [id = "", body = "", ...rest] = line.split("\t");
    const reference = rest.length > 0 ? rest.join("\t") : undefined;
    const kind = id.charAt(0);
    if (kind in skippedKinds) {
      const reason = `${skippedKinds[kind]} annotations have no place in Concord`;
      return skipped.push({ line: lineNumber, field: id, reason });
    }
    if (kind !== "T" || !line.includes("\t")) {
      throw new InputError(
        lineNumber,
        "id",
        `"${id}" is not a brat annotation (T, R, E, A, M, N, # or *)`,
      );
    }
    if (seenIds.has(id)) throw new InputError(lineNumber, "id", `${id} appears twice`);
    seenIds.add(id);
    const fragments = readFragments(body, lineNumber, readSpan);
    checkReference(text, fragments, reference, lineNumber);
    if (fragments.length === 1) return spans.push(...fragments);
    switch (options.discontinuous ?? "split") {
      case "split":
        return spans.push(...fragments);
      case "merge": {
        const start = Math.min(...fragments.map((fragment) => fragment.start));
        const end = Math.max(...fragments.map((fragment) => fragment.end));
        return spans.push({ start, end, label: (fragments[0] as Span).label });
      }
      case "skip": {
        const reason = `discontinuous span of ${fragments.length} fragments left out`;
        return skipped.push({ line: lineNumber, field: id, reason });
      }
    }
  });

  const annotations = [annotationOf(options.annotator ?? "brat", spans)];
  return { document: { id: options.id ?? null, text, meta: {}, annotations }, skipped };
}

/** `Label 0 5;10 15` as spans (UTF-16), in the order written. */
function readFragments(body: string, line: number, readSpan: SpanReader): Span[] {
  const match = /^(\S+) (\d+ \d+(?:;\d+ \d+)*)$/.exec(body);
  if (!match) {
    throw new InputError(line, "offsets", `expected "Label start end", found "${body}"`);
  }
  const [, label, offsets] = match as unknown as [string, string, string];
  return offsets.split(";").map((pair) => {
    const [start, end] = pair.split(" ").map(Number);
    const span = readSpan(start, end, label);
    if (isSpanProblem(span)) {
      throw new InputError(line, span.field === "label" ? "type" : "offsets", span.reason);
    }
    return span;
  });
}

function checkReference(
  text: string,
  fragments: Span[],
  reference: string | undefined,
  line: number,
) {
  const covered = fragments.map((span) => text.slice(span.start, span.end)).join(" ");
  if (reference !== undefined && reference !== covered) {
    throw new InputError(line, "text", `is "${reference}" but the offsets cover "${covered}"`);
  }
}
