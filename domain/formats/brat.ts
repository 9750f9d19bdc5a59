import { InputError } from "../errors";
import type { SpanFragment } from "../span-details";
import { compareSpans, type Span } from "../spans";
import { linkKinds, readBratLinks, type BratLine } from "./brat-links";
import { createSpanReader, isSpanProblem, type SpanReader } from "./file-spans";
import { checkFragments } from "./jsonl-details";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import type { RecordSpan } from "./record-details";
import { annotationOf, type SkippedEntry } from "./records";

/**
 * brat standoff: a document's text in a `.txt` and its annotations in a `.ann`, one per line,
 * fields separated by TABs (https://brat.nlplab.org/standoff.html). Text-bound lines,
 * `T1<TAB>Label 0 5<TAB>text`, become spans; a discontinuous one, `T1<TAB>Label 0 5;10 15<TAB>text`,
 * lists fragments whose texts, joined by one space, are its reference text. The other lines
 * (relations, events, attributes, notes, equivalences, normalizations) are read by brat-links.ts.
 *
 * Offsets count characters of the UTF-8 `.txt`, i.e. Unicode code points (brat's server is Python),
 * start inclusive, end exclusive. Each span's reference text is checked against them, so byte
 * offsets or a re-encoded `.txt` are caught.
 */
export type BratDiscontinuous =
  /** One span with further fragments, as Concord holds them. */
  | "keep"
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
  /** Default "keep". */
  discontinuous?: BratDiscontinuous;
};

export function readBrat(
  text: string,
  ann: string,
  options: BratReadOptions = {},
): { document: DocumentRecord; skipped: SkippedEntry[] } {
  const readSpan = createSpanReader(text, "code-points");
  const spans: RecordSpan[] = [];
  const skipped: SkippedEntry[] = [];
  // A T id's span (its first piece when split); null when the policy left it out.
  const byId = new Map<string, RecordSpan | null>();
  const others: BratLine[] = [];

  splitLines(ann).forEach((line, i) => {
    const lineNumber = i + 1;
    if (line.trim() === "") return;
    const [id = "", body = "", ...rest] = line.split("\t");
    const reference = rest.length > 0 ? rest.join("\t") : undefined;
    const kind = id.charAt(0);
    if (linkKinds.includes(kind)) return others.push({ line: lineNumber, id, body, reference });
    if (kind !== "T" || !line.includes("\t")) {
      throw new InputError(
        lineNumber,
        "id",
        `"${id}" is not a brat annotation (T, R, E, A, M, N, # or *)`,
      );
    }
    if (byId.has(id)) throw new InputError(lineNumber, "id", `${id} appears twice`);
    const fragments = readFragments(body, lineNumber, readSpan);
    checkReference(text, fragments, reference, lineNumber);
    const sorted = [...fragments].sort(compareSpans);
    const policy = options.discontinuous ?? "keep";
    const [first, ...more] = (policy === "keep" ? joinLineCuts(text, sorted) : sorted) as [
      Span,
      ...Span[],
    ];
    const add = (...added: RecordSpan[]) => {
      byId.set(id, added[0] ?? null);
      spans.push(...added);
    };
    if (more.length === 0) return add(first);
    switch (policy) {
      case "keep": {
        const at = { line: lineNumber, where: id };
        const pieces = more.map((piece): SpanFragment => [piece.start, piece.end]);
        return add({ ...first, fragments: checkFragments(first, pieces, at) });
      }
      case "split":
        return add(first, ...more);
      case "merge": {
        const end = Math.max(...fragments.map((fragment) => fragment.end));
        return add({ ...first, end });
      }
      case "skip": {
        byId.set(id, null);
        const reason = `discontinuous span of ${fragments.length} fragments left out`;
        return skipped.push({ line: lineNumber, field: id, reason });
      }
    }
  });

  const links = readBratLinks(others, byId);
  skipped.push(...links.skipped);
  skipped.sort((a, b) => a.line - b.line);
  const annotation = annotationOf(options.annotator ?? "brat", spans);
  if (links.relations.length > 0) annotation.relations = links.relations;
  return {
    document: { id: options.id ?? null, text, meta: {}, annotations: [annotation] },
    skipped,
  };
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

/**
 * Fragments brat cut at line breaks from one selection (its annotator.py does, and so does
 * Concord's writer) are one span again: only white space with a line break lies between them.
 */
function joinLineCuts(text: string, fragments: Span[]): Span[] {
  const joined: Span[] = [];
  for (const fragment of fragments) {
    const last = joined.at(-1);
    const gap = last ? text.slice(last.end, fragment.start) : "";
    if (last && /^\s*$/u.test(gap) && /[\n\r\u2028\u2029]/u.test(gap)) last.end = fragment.end;
    else joined.push({ ...fragment });
  }
  return joined;
}
