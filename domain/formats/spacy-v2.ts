import {
  failAt,
  isJsonObject,
  parseJsonSource,
  type JsonPath,
  type JsonSource,
} from "./json-source";
import type { DocumentRecord } from "./jsonl";
import { annotationOf, stripByteOrderMark } from "./records";
import { documentFromSentences } from "./tagged-text";
import { parseTag, type Tag } from "./tags";

/**
 * spaCy v2's JSON training format, what `spacy convert` wrote before v3:
 * `[{"id", "paragraphs": [{"sentences": [{"tokens": [{"orth", "ner"}]}]}]}]`, entities as BILUO
 * tags ("-" marks a token whose tag is unknown, read as outside any entity).
 *
 * Offsets: none; tokens carry no whitespace, so the text is rebuilt as the tokens joined by one
 * space and the sentences (of all paragraphs) by "\n", as for CoNLL (shared fixtures README). A
 * paragraph's `raw` text is not used, since tokens would then need aligning to it.
 */
export type SpacyV2ReadOptions = {
  /** Annotator of the tags; default "spacy". */
  annotator?: string;
};

export function readSpacyV2Json(
  content: string,
  options: SpacyV2ReadOptions = {},
): DocumentRecord[] {
  const json = parseJsonSource(stripByteOrderMark(content));
  if (!Array.isArray(json.value)) return failAt(json, [], "expected a list of documents");
  return json.value.map((document: unknown, d) => {
    if (!isJsonObject(document)) return failAt(json, [d], "expected a document object");
    const paragraphs = listAt(json, [d, "paragraphs"], document.paragraphs);
    const sentences = paragraphs.flatMap((paragraph: unknown, p) => {
      if (!isJsonObject(paragraph)) return failAt(json, [d, "paragraphs", p], "expected an object");
      const path = [d, "paragraphs", p, "sentences"];
      return listAt(json, path, paragraph.sentences).map((sentence: unknown, s) =>
        readSentence(json, [...path, s], sentence),
      );
    });
    const { text, spans } = documentFromSentences(sentences);
    const id =
      typeof document.id === "number" || typeof document.id === "string"
        ? String(document.id)
        : null;
    return { id, text, meta: {}, annotations: [annotationOf(options.annotator ?? "spacy", spans)] };
  });
}

function readSentence(json: JsonSource, path: JsonPath, sentence: unknown) {
  if (!isJsonObject(sentence)) return failAt(json, path, "expected an object");
  const tokens: string[] = [];
  const tags: Tag[] = [];
  listAt(json, [...path, "tokens"], sentence.tokens).forEach((token: unknown, t) => {
    const tokenPath = [...path, "tokens", t];
    if (!isJsonObject(token)) return failAt(json, tokenPath, "expected an object");
    if (typeof token.orth !== "string" || token.orth === "") {
      return failAt(json, [...tokenPath, "orth"], "must be a non-empty string");
    }
    const ner = token.ner === undefined || token.ner === "-" ? "O" : token.ner;
    const tag = typeof ner === "string" ? parseTag(ner) : { problem: "must be a string" };
    if ("problem" in tag) return failAt(json, [...tokenPath, "ner"], tag.problem);
    tokens.push(token.orth);
    tags.push(tag);
  });
  return { tokens, tags };
}

function listAt(json: JsonSource, path: JsonPath, value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return failAt(json, path, value === undefined ? "is required but missing" : "must be a list");
}
