import { InputError } from "../errors";
import { createOffsetMap } from "../offsets";
import type { Span } from "../spans";
import { codePointRange, createSpanReader, isSpanProblem, type SpanReader } from "./file-spans";
import { formatCsvRow, parseCsvRows, type CsvRow } from "./csv-table";
import type { DocumentRecord } from "./jsonl";
import { annotationOf } from "./records";

/**
 * CSV in two shapes. Documents: a header row naming a `text` column; an `id` column becomes the
 * document id and every other column goes to meta (as strings). Spans: one row per span,
 * `document_id,annotator,start,end,label,text`, with start and end in Unicode code points (what
 * Python's `text[start:end]` and spreadsheets' users expect) and `text` the covered text.
 */
export type CsvOptions = {
  /** Default ","; "\t" reads and writes TSV. */
  delimiter?: string;
};

const spanColumns = ["document_id", "annotator", "start", "end", "label", "text"] as const;

export function readCsvDocuments(content: string, options: CsvOptions = {}): DocumentRecord[] {
  const { header, rows } = readTable(content, options, ["text"]);
  return rows.map(({ cells }) => {
    const record: DocumentRecord = { id: null, text: "", meta: {}, annotations: [] };
    header.forEach((name, i) => {
      const cell = cells[i] as string;
      if (name === "text") record.text = cell;
      else if (name === "id") record.id = cell === "" ? null : cell;
      else record.meta[name] = cell;
    });
    return record;
  });
}

/** Every span of every annotation set, one row each, documents and annotators in their order. */
export function writeCsvSpans(records: DocumentRecord[], options: CsvOptions = {}): string {
  const rows = [formatCsvRow(spanColumns, options.delimiter)];
  for (const record of records) {
    const offsets = createOffsetMap(record.text);
    for (const { annotator, spans } of record.annotations) {
      for (const span of spans) {
        const { start, end } = codePointRange(offsets, span);
        const covered = record.text.slice(span.start, span.end);
        const cells = [record.id ?? "", annotator, start, end, span.label, covered];
        rows.push(formatCsvRow(cells, options.delimiter));
      }
    }
  }
  return rows.map((row) => `${row}\r\n`).join("");
}

/**
 * Attaches a span table to the documents it describes, matched by `document_id`: each document
 * comes back with the table's annotation sets (none if the table has no row for it). A `text`
 * column, when present, must equal the text the offsets cover.
 */
export function readCsvSpans(
  content: string,
  documents: DocumentRecord[],
  options: CsvOptions = {},
): DocumentRecord[] {
  const { header, rows } = readTable(content, options, spanColumns.slice(0, 5));
  const column = (name: string) => header.indexOf(name);
  const byId = new Map(
    documents.flatMap((document) => (document.id === null ? [] : [[document.id, document]])),
  );
  const spansByDocument = new Map<DocumentRecord, Map<string, Span[]>>();
  const spanReaders = new Map<DocumentRecord, SpanReader>();

  for (const { line, cells } of rows) {
    const cell = (name: string) => cells[column(name)] ?? "";
    const document = byId.get(cell("document_id"));
    if (!document) {
      throw new InputError(line, "document_id", `no document has the id "${cell("document_id")}"`);
    }
    if (cell("annotator") === "") throw new InputError(line, "annotator", "is empty");
    const readSpan = spanReaders.get(document) ?? createSpanReader(document.text, "code-points");
    spanReaders.set(document, readSpan);
    const span = readSpan(asOffset(cell("start")), asOffset(cell("end")), cell("label"));
    if (isSpanProblem(span)) throw new InputError(line, span.field, span.reason);
    const covered = document.text.slice(span.start, span.end);
    if (column("text") >= 0 && cell("text") !== covered) {
      throw new InputError(line, "text", `is "${cell("text")}" but the offsets cover "${covered}"`);
    }
    const byAnnotator = spansByDocument.get(document) ?? new Map<string, Span[]>();
    spansByDocument.set(document, byAnnotator);
    byAnnotator.set(cell("annotator"), [...(byAnnotator.get(cell("annotator")) ?? []), span]);
  }

  return documents.map((document) => ({
    ...document,
    annotations: [...(spansByDocument.get(document) ?? [])].map(([annotator, spans]) =>
      annotationOf(annotator, spans),
    ),
  }));
}

/** The header (with `required` columns checked) and the rows, each as long as the header. */
function readTable(content: string, options: CsvOptions, required: readonly string[]) {
  const [headerRow, ...rows] = parseCsvRows(content, options.delimiter);
  const header = headerRow?.cells ?? [];
  for (const name of required) {
    if (!header.includes(name)) {
      const found = header.length ? `columns are ${header.join(", ")}` : "the file is empty";
      throw new InputError(headerRow?.line ?? 1, name, `no column named "${name}" (${found})`);
    }
  }
  header.forEach((name, i) => {
    if (header.indexOf(name) !== i) {
      throw new InputError(headerRow?.line ?? 1, name, "column appears twice");
    }
  });
  rows.forEach((row: CsvRow) => {
    if (row.cells.length < header.length) {
      const missing = header[row.cells.length] as string;
      throw new InputError(
        row.line,
        missing,
        `is missing: the row has ${row.cells.length} fields, the header ${header.length}`,
      );
    }
    if (row.cells.length > header.length) {
      throw new InputError(
        row.line,
        `column ${header.length + 1}`,
        `is extra: the header has ${header.length} columns`,
      );
    }
  });
  return { header, rows };
}

/** Offsets arrive as text; only plain digits count, so "1e3" or " 7" are reported, not read. */
function asOffset(cell: string): number | string {
  return /^\d+$/.test(cell) ? Number(cell) : cell;
}
