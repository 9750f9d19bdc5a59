import { InputError } from "../errors";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { annotationOf, requireLabelWithoutSpaces, spansToExport } from "./records";
import { documentFromSentences, tagDocument, type TokenExport } from "./tagged-text";
import { combineSchemes, detectScheme, parseTag, type Tag, type TagScheme } from "./tags";

/**
 * CoNLL-2003 style files: one token per line with its tag in the last column, a blank line between
 * sentences, `-DOCSTART-` lines between documents (a file without one is one document).
 *
 * Offsets: none in the file. The reader rebuilds each document's text as its tokens joined by one
 * space and its sentences by "\n" (the shared fixtures README's convention), so spans are offsets
 * into that rebuilt text. Tags may be IOB1, IOB2/BIO or BIOES/BILUO; the reader detects which.
 */
export type ConllReadOptions = {
  /** Annotator of the imported tags (CoNLL files name none); default "conll". */
  annotator?: string;
};

/** A document read from a CoNLL file, with where in the file its tokens stand. */
export type ConllDocument = {
  record: DocumentRecord;
  /** The line of its first token. */
  line: number;
  /** The line of the token a span starts at, so a refused span is reported on its own line. */
  lineOfSpan(start: number): number;
};

/** Reads a CoNLL file line by line, so a caller can stream it. */
export type ConllReader = {
  /** Takes the next line (without its line break); returns the document it completes, if any. */
  readLine(line: string): ConllDocument | null;
  /** Ends the input; returns the last document, if it has any tokens. */
  finish(): ConllDocument | null;
  /** The scheme of the tags read so far ("iob2" until a tag says otherwise). */
  readonly scheme: TagScheme;
};

type Sentence = { tokens: string[]; tags: Tag[]; lines: number[] };

export function createConllReader(options: ConllReadOptions = {}): ConllReader {
  const annotator = options.annotator ?? "conll";
  let lineNumber = 0;
  let scheme: TagScheme = "iob2";
  let sentences: Sentence[] = [];
  let sentence: Sentence = { tokens: [], tags: [], lines: [] };

  const endSentence = () => {
    if (sentence.tokens.length === 0) return;
    scheme = combineSchemes(scheme, detectScheme(sentence.tags));
    sentences.push(sentence);
    sentence = { tokens: [], tags: [], lines: [] };
  };
  const endDocument = (): ConllDocument | null => {
    endSentence();
    const lines = sentences.flatMap((read) => read.lines);
    const first = lines[0];
    if (first === undefined) return null;
    const { text, spans, tokenStarts } = documentFromSentences(sentences);
    sentences = [];
    const lineAt = new Map(tokenStarts.map((start, i) => [start, lines[i] ?? first]));
    return {
      record: { id: null, text, meta: {}, annotations: [annotationOf(annotator, spans)] },
      line: first,
      lineOfSpan: (start) => lineAt.get(start) ?? first,
    };
  };

  return {
    readLine(line) {
      lineNumber++;
      // trim() also drops a byte order mark (U+FEFF counts as white space).
      const trimmed = line.trim();
      if (trimmed === "") {
        endSentence();
        return null;
      }
      const columns = splitColumns(trimmed);
      if (columns[0] === documentStart) return endDocument();
      if (columns.length < 2) {
        throw new InputError(
          lineNumber,
          "tag",
          `expected a token and its tag separated by white space, found "${trimmed}"`,
        );
      }
      const tag = parseTag(columns.at(-1) as string);
      if ("problem" in tag) throw new InputError(lineNumber, "tag", tag.problem);
      sentence.tokens.push(columns[0] as string);
      sentence.tags.push(tag);
      sentence.lines.push(lineNumber);
      return null;
    },
    finish: endDocument,
    get scheme() {
      return scheme;
    },
  };
}

const documentStart = "-DOCSTART-";

/** Whether a line opens a new document: a streaming caller ends the one before it there. */
export function isDocumentStart(line: string): boolean {
  return splitColumns(line.trim())[0] === documentStart;
}

/** doccano writes TOKEN<TAB>TAG; with tabs present a token may contain spaces. */
function splitColumns(trimmed: string): string[] {
  return trimmed.split(trimmed.includes("\t") ? /\s*\t\s*/ : /\s+/);
}

export function readConll(
  content: string,
  options: ConllReadOptions = {},
): { documents: DocumentRecord[]; scheme: TagScheme } {
  const reader = createConllReader(options);
  const documents: DocumentRecord[] = [];
  for (const line of splitLines(content)) {
    const document = reader.readLine(line);
    if (document) documents.push(document.record);
  }
  const last = reader.finish();
  if (last) documents.push(last.record);
  return { documents, scheme: reader.scheme };
}

export type ConllWriteOptions = {
  /** Default "iob2". */
  scheme?: TagScheme;
  /** Whose spans to write when a document has several annotation sets. */
  annotator?: string;
};

/**
 * Four columns as in CoNLL-2003, `TOKEN _ _ TAG` (no part-of-speech or chunk tags to give), each
 * document opened by `-DOCSTART- -X- O O` and a blank line, a blank line after each sentence.
 */
export function writeConll(
  records: DocumentRecord[],
  options: ConllWriteOptions = {},
): TokenExport {
  const lines: string[] = [];
  let unalignedSpans = 0;
  let overlappingSpans = 0;
  for (const record of records) {
    const spans = spansToExport(record, options.annotator);
    for (const span of spans) requireLabelWithoutSpaces(span.label, "CoNLL");
    const tagged = tagDocument(record.text, spans, options.scheme ?? "iob2");
    unalignedSpans += tagged.unalignedSpans;
    overlappingSpans += tagged.overlappingSpans;
    lines.push("-DOCSTART- -X- O O", "");
    for (const { tokens, tags } of tagged.sentences) {
      tokens.forEach((token, i) => lines.push(`${token} _ _ ${tags[i]}`));
      lines.push("");
    }
  }
  return { content: lines.map((line) => `${line}\n`).join(""), unalignedSpans, overlappingSpans };
}
