import { DomainError } from "../errors";
import { failAt, isJsonObject, parseJsonSource, type JsonSource } from "./json-source";
import type { DocumentRecord } from "./jsonl";
import { splitLines } from "./line-splitter";
import { annotationOf, spansToExport } from "./records";
import {
  documentFromSentences,
  tagDocument,
  type TaggedSentence,
  type TokenExport,
} from "./tagged-text";
import { parseTag, type Tag } from "./tags";

/**
 * Hugging Face token classification data, as the `datasets` JSON loader reads it: one example per
 * line, `{"id", "tokens": [...], "ner_tags": [0, 3, 4, ...]}`, each tag an index into `labels.json`,
 * the list of IOB2 tag names `["O", "B-LOC", "I-LOC", ...]` (the ClassLabel names of a dataset's
 * `ner_tags`, and a model's `id2label`).
 *
 * Offsets: none. Tokens come from Concord's tokenizer; reading joins an example's tokens by one
 * space. Examples are sentences by default, as in conll2003, or whole documents.
 */
export type HfWriteOptions = {
  /** Default "sentence". */
  unit?: "sentence" | "document";
  /** Whose spans to write when a document has several annotation sets. */
  annotator?: string;
  /** Labels in tag-id order, e.g. the project's, so ids stay stable across exports; default: the labels used, sorted. */
  labels?: readonly string[];
};

export type HfExport = TokenExport & { labelsJson: string };

/** "O", then B- and I- for each label in order. */
export function hfTagNames(labels: readonly string[]): string[] {
  return ["O", ...labels.flatMap((label) => [`B-${label}`, `I-${label}`])];
}

export function writeHf(records: DocumentRecord[], options: HfWriteOptions = {}): HfExport {
  const spansByRecord = records.map((record) => spansToExport(record, options.annotator));
  const used = [...new Set(spansByRecord.flat().map((span) => span.label))].sort();
  const tagNames = hfTagNames(options.labels ?? used);
  const tagIds = new Map(tagNames.map((name, id) => [name, id]));
  const unknown = used.find((label) => !tagIds.has(`B-${label}`));
  if (unknown !== undefined) {
    throw new DomainError("BAD_REQUEST", `label "${unknown}" is not among the labels given`);
  }

  const lines: string[] = [];
  let unalignedSpans = 0;
  let overlappingSpans = 0;
  records.forEach((record, r) => {
    const tagged = tagDocument(record.text, spansByRecord[r] ?? [], "iob2");
    unalignedSpans += tagged.unalignedSpans;
    overlappingSpans += tagged.overlappingSpans;
    const id = record.id ?? String(r);
    const examples: TaggedSentence[] =
      options.unit === "document"
        ? [
            {
              tokens: tagged.sentences.flatMap((s) => s.tokens),
              tags: tagged.sentences.flatMap((s) => s.tags),
            },
          ]
        : tagged.sentences;
    examples.forEach(({ tokens, tags }, n) => {
      const ner_tags = tags.map((tag) => tagIds.get(tag) as number);
      lines.push(
        JSON.stringify({ id: options.unit === "document" ? id : `${id}-${n}`, tokens, ner_tags }),
      );
    });
  });
  const content = lines.map((line) => `${line}\n`).join("");
  return { content, labelsJson: `${JSON.stringify(tagNames)}\n`, unalignedSpans, overlappingSpans };
}

/** Reads `labels.json`: a list of tag names, each "O" or a B-/I- (or E-/S-) tag. */
export function parseHfTagNames(labelsJson: string): Tag[] {
  const json = parseJsonSource(labelsJson);
  if (!Array.isArray(json.value)) return failAt(json, [], "expected a list of tag names");
  return json.value.map((name: unknown, i) => tagAt(json, [i], name));
}

export function readHf(
  content: string,
  labelsJson?: string,
  options: { annotator?: string } = {},
): DocumentRecord[] {
  const tagNames = labelsJson === undefined ? undefined : parseHfTagNames(labelsJson);
  return splitLines(content).flatMap((line, i) =>
    line.trim() === "" ? [] : [parseHfRecord(line, i + 1, tagNames, options)],
  );
}

/** One example; `tagNames` (from labels.json) is needed when tags are ids rather than names. */
export function parseHfRecord(
  line: string,
  lineNumber: number,
  tagNames?: readonly Tag[],
  options: { annotator?: string } = {},
): DocumentRecord {
  const json = parseJsonSource(line, lineNumber);
  const example = json.value;
  if (!isJsonObject(example)) return failAt(json, [], "expected a JSON object");
  const { id, tokens, ner_tags: tags } = example;
  if (!Array.isArray(tokens)) return failAt(json, ["tokens"], "must be a list of strings");
  if (!Array.isArray(tags)) return failAt(json, ["ner_tags"], "must be a list of tags");
  if (tags.length !== tokens.length) {
    return failAt(json, ["ner_tags"], `has ${tags.length} tags for ${tokens.length} tokens`);
  }
  tokens.forEach((token: unknown, i) => {
    if (typeof token !== "string" || token === "") {
      failAt(json, ["tokens", i], "must be a non-empty string");
    }
  });
  const sentence = {
    tokens: tokens as string[],
    tags: tags.map((tag: unknown, i) => {
      if (typeof tag !== "number") return tagAt(json, ["ner_tags", i], tag);
      if (!tagNames) {
        return failAt(json, ["ner_tags", i], "is a tag id, but no labels.json names the ids");
      }
      return (
        tagNames[tag] ??
        failAt(
          json,
          ["ner_tags", i],
          `tag id ${tag} is not in labels.json (${tagNames.length} tags)`,
        )
      );
    }),
  };
  const { text, spans } = documentFromSentences([sentence]);
  return {
    id: typeof id === "string" || typeof id === "number" ? String(id) : null,
    text,
    meta: {},
    annotations: [annotationOf(options.annotator ?? "hf", spans)],
  };
}

function tagAt(json: JsonSource, path: (string | number)[], name: unknown): Tag {
  if (typeof name !== "string") return failAt(json, path, "must be a tag name");
  const tag = parseTag(name);
  return "problem" in tag ? failAt(json, path, tag.problem) : tag;
}
