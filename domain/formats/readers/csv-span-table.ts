import { FileInputError, InputError } from "../../errors";
import { parseCsvRows } from "../csv-table";
import { createSpanReader, isSpanProblem } from "../file-spans";
import type { DocumentRecord } from "../jsonl";
import { annotationOf } from "../records";
import type { Span } from "../../spans";
import type { TextFile } from "../read-items";

/**
 * The span tables of a CSV import, `document_id,annotator,start,end,label[,text]` with code point
 * offsets, held in memory (spans are small beside texts) until their documents stream past.
 */
const required = ["document_id", "annotator", "start", "end", "label"] as const;

type SpanRow = { file: string; line: number; cell(name: string): string };

export function isSpanTableHeader(line: string): boolean {
  const cells = safeHeader(line);
  return required.every((name) => cells.includes(name));
}

export function createSpanTable(files: TextFile[]) {
  const rowsByDocument = new Map<string, SpanRow[]>();
  for (const file of files) {
    for (const row of readRows(file)) {
      const id = row.cell("document_id");
      rowsByDocument.set(id, [...(rowsByDocument.get(id) ?? []), row]);
    }
  }
  const attached = new Set<string>();

  return {
    /** The document with the spans the tables give it, as one annotation set per annotator. */
    attach(record: DocumentRecord): DocumentRecord {
      const rows = record.id === null ? undefined : rowsByDocument.get(record.id);
      if (!rows || record.id === null) return record;
      attached.add(record.id);
      const readSpan = createSpanReader(record.text, "code-points");
      const byAnnotator = new Map<string, Span[]>();
      for (const row of rows) {
        const fail = (field: string, reason: string): never => {
          throw new FileInputError(row.file, new InputError(row.line, field, reason));
        };
        const annotator = row.cell("annotator");
        if (annotator === "") fail("annotator", "is empty");
        const span = readSpan(
          asOffset(row.cell("start")),
          asOffset(row.cell("end")),
          row.cell("label"),
        );
        if (isSpanProblem(span)) return fail(span.field, span.reason);
        const covered = record.text.slice(span.start, span.end);
        const expected = row.cell("text");
        if (expected !== "" && expected !== covered) {
          fail("text", `is "${expected}" but the offsets cover "${covered}"`);
        }
        byAnnotator.set(annotator, [...(byAnnotator.get(annotator) ?? []), span]);
      }
      const annotations = [...byAnnotator].map(([name, spans]) => annotationOf(name, spans));
      return { ...record, annotations: [...record.annotations, ...annotations] };
    },
    /** Rows naming a document that no file held are a mistake, not something to drop quietly. */
    reportUnused() {
      for (const [id, rows] of rowsByDocument) {
        const row = rows[0];
        if (attached.has(id) || !row) continue;
        throw new FileInputError(
          row.file,
          new InputError(row.line, "document_id", `no document in the import has the id "${id}"`),
        );
      }
    },
  };
}

function readRows(file: TextFile): SpanRow[] {
  try {
    const [header, ...rows] = parseCsvRows(file.text);
    const names = header?.cells ?? [];
    return rows.map((row) => {
      if (row.cells.length !== names.length) {
        throw new InputError(
          row.line,
          null,
          `has ${row.cells.length} fields, the header ${names.length}`,
        );
      }
      return {
        file: file.name,
        line: row.line,
        cell: (name: string) => row.cells[names.indexOf(name)] ?? "",
      };
    });
  } catch (error) {
    throw error instanceof InputError ? new FileInputError(file.name, error) : error;
  }
}

function safeHeader(line: string): string[] {
  try {
    return parseCsvRows(line)[0]?.cells ?? [];
  } catch {
    return [];
  }
}

/** Offsets arrive as text; only plain digits count, so "1e3" or " 7" are reported, not read. */
function asOffset(cell: string): number | string {
  return /^\d+$/.test(cell) ? Number(cell) : cell;
}
