import { InputError } from "../errors";
import type { BratDiscontinuous } from "./brat";
import type { OffsetUnit } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import type { SkippedEntry } from "./records";

/** What a format reader finds in a file, in file order. */
export type ReadItem =
  | {
      kind: "document";
      line: number;
      record: DocumentRecord;
      /** The line a span starts on, where a document spans many lines (CoNLL: one per token). */
      lineOfSpan?: (start: number) => number;
    }
  /** A document that cannot be read; `file` when the problem sits in another file (a span table). */
  | { kind: "invalid"; error: InputError; file?: string }
  /** Something the file holds that Concord has no place for (relations, notes...), left out. */
  | { kind: "left-out"; entry: SkippedEntry; file?: string };

export type Emit = (item: ReadItem) => void;

/** Reads one file line by line. Throwing an InputError rejects the whole file. */
export type LineParser = {
  line(text: string, lineNumber: number, ending: string): void;
  end(): void;
};

export type TextFile = { name: string; text: string };

export type ReadOptions = {
  /** Annotator for formats that name none (CoNLL, brat, spaCy...). */
  annotator?: string;
  /** txt: one document per line instead of per file. */
  lines?: boolean;
  /** doccano, Label Studio: the unit of the file's offsets, when it is not the format's usual one. */
  offsets?: OffsetUnit;
  /** brat: what becomes of a discontinuous span. */
  discontinuous?: BratDiscontinuous;
};

/** How one import reads its files: a parser per file, and a last word once all are read. */
export type FormatReader = {
  file(name: string, companion: TextFile | undefined, emit: Emit): LineParser;
  end?(emit: Emit): void;
};

/** A file as formats see it before reading: its name. Reading its bytes is the caller's work. */
export type NamedFile = { name: string };

/** Which files are read line by line, with the companion each needs, and which are shared by all. */
export type ImportPlan<F extends NamedFile = NamedFile> = {
  units: { file: F; companion?: F }[];
  shared: F[];
};

export type ImportFormat = {
  plan?<F extends NamedFile>(
    files: F[],
    firstLine: (file: F) => Promise<string>,
  ): Promise<ImportPlan<F>>;
  open(options: ReadOptions, shared: TextFile[]): FormatReader;
};

/** Emits what `read` returns as a document, or its InputError as an invalid document. */
export function emitDocument(emit: Emit, line: number, read: () => DocumentRecord | null) {
  try {
    const record = read();
    if (record) emit({ kind: "document", line, record });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    emit({ kind: "invalid", error });
  }
}

/** A parser for formats with one document per line, blank lines left out. */
export function perLine(emit: Emit, read: (text: string, lineNumber: number) => DocumentRecord) {
  return {
    line(text: string, lineNumber: number) {
      if (text.trim() !== "") emitDocument(emit, lineNumber, () => read(text, lineNumber));
    },
    end() {},
  };
}

/** The same InputError, moved by `lines` and with `prefix` before its field. */
export function shiftError(error: InputError, lines: number, prefix = ""): InputError {
  const field = prefix + (error.field === null ? "" : prefix ? `.${error.field}` : error.field);
  return new InputError(error.line + lines, field || null, error.reason);
}
