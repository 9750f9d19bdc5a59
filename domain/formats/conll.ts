import { InputError } from "../errors";
import type { DocumentRecord } from "./jsonl";
import { annotationOf, requireLabelWithoutSpaces, spansToExport, splitLines } from "./records";
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

/** Reads a CoNLL file line by line, so a caller can stream it. */
export type ConllReader = {
  /** Takes the next line (without its line break); returns the document it completes, if any. */
  readLine(line: string): DocumentRecord | null;
  /** Ends the input; returns the last document, if it has any tokens. */
  finish(): DocumentRecord | null;
  /** The scheme of the tags read so far ("iob2" until a tag says otherwise). */
  readonly scheme: TagScheme;
};

type Sentence = { tokens: string[]; tags: Tag[] };

export function createConllReader(options: ConllReadOptions = {}): ConllReader {
  const annotator = options.annotator ?? "conll";
  let lineNumber = 0;
  let scheme: TagScheme = "iob2";
  let sentences: Sentence[] = [];
  let sentence: Sentence = { tokens: [], tags: [] };

  const endSentence = () => {
    if (sentence.tokens.length === 0) return;
    scheme = combineSchemes(scheme, detectScheme(sentence.tags));
    sentences.push(sentence);
    sentence = { tokens: [], tags: [] };
  };
  const endDocument = (): DocumentRecord | null => {
    endSentence();
    if (sentences.length === 0) return null;
    const { text, spans } = documentFromSentences(sentences);
    sentences = [];
    return { id: null, text, meta: {}, annotations: [annotationOf(annotator, spans)] };
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
      // doccano writes TOKEN<TAB>TAG; with tabs present a token may contain spaces.
      const columns = trimmed.split(trimmed.includes("\t") ? /\s*\t\s*/ : /\s+/);
      if (columns[0] === "-DOCSTART-") return endDocument();
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
      return null;
    },
    finish: endDocument,
    get scheme() {
      return scheme;
    },
  };
}

export function readConll(
  content: string,
  options: ConllReadOptions = {},
): { documents: DocumentRecord[]; scheme: TagScheme } {
  const reader = createConllReader(options);
  const documents: DocumentRecord[] = [];
  for (const line of splitLines(content)) {
    const document = reader.readLine(line);
    if (document) documents.push(document);
  }
  const last = reader.finish();
  if (last) documents.push(last);
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
