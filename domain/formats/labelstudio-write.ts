import { createOffsetMap } from "../offsets";
import { normalizeSpans } from "../spans";
import { codePointRange } from "./file-spans";
import type { DocumentRecord } from "./jsonl";
import { writeResults } from "./labelstudio-results";

/**
 * Label Studio tasks for its JSON import, one per document: `data` holds the text, the meta keys
 * and the document id; each annotation set becomes an annotation of "labels" results whose
 * `value.start`/`value.end` count code points (Label Studio >= 1.4, label-studio-frontend PR #308),
 * a note as the region's `meta.text`, followed by `relation` results between regions and
 * `choices` results for the document labels (`from_name` = the set's name).
 *
 * Label Studio only accepts `completed_by` as the email or id of a member of the importing
 * organisation, and rejects the import otherwise, so it is left out (Label Studio credits the
 * importing user). The Concord annotator and status ride along in a `concord` key, which Label
 * Studio ignores and Concord's reader uses, so a file read back gives the same annotation sets.
 */
export type LabelStudioWriteOptions = {
  /** `name` of the <Labels> tag in the labelling config; default "label", as Label Studio's NER template. */
  fromName?: string;
  /** `name` of the <Text> tag; default "text". */
  toName?: string;
  /** The `data` key of the text (`value="$text"`); default "text". */
  textKey?: string;
};

export function writeLabelStudio(
  records: DocumentRecord[],
  options: LabelStudioWriteOptions = {},
): string {
  const tasks = records.map((record) => labelStudioTask(record, options));
  return `${JSON.stringify(tasks, null, 2)}\n`;
}

/** One task as an element of the file's list, for writers that stream the list element by element. */
export function formatLabelStudioTask(
  record: DocumentRecord,
  options: LabelStudioWriteOptions = {},
): string {
  return JSON.stringify(labelStudioTask(record, options), null, 2).replaceAll("\n", "\n  ");
}

function labelStudioTask(record: DocumentRecord, options: LabelStudioWriteOptions) {
  const textKey = options.textKey ?? "text";
  const offsets = createOffsetMap(record.text);
  const id = record.id === null ? {} : { id: record.id };
  return {
    data: { ...record.meta, ...id, [textKey]: record.text },
    annotations: record.annotations.map((annotation) => {
      const spans = normalizeSpans(annotation.spans);
      const toName = options.toName ?? "text";
      const regions = spans.map((span, i) => ({
        id: `r${i + 1}`,
        from_name: options.fromName ?? "label",
        to_name: toName,
        type: "labels",
        value: {
          ...codePointRange(offsets, span),
          text: record.text.slice(span.start, span.end),
          labels: [span.label],
        },
        ...(span.note ? { meta: { text: [span.note] } } : {}),
      }));
      return {
        result: [...regions, ...writeResults(annotation, spans, { toName })],
        concord: { annotator: annotation.annotator, status: annotation.status },
      };
    }),
  };
}

/** A labelling config for the tasks above: a <Labels> tag with `labels`, over a <Text> tag. */
export function formatLabelStudioConfig(
  labels: readonly string[],
  options: LabelStudioWriteOptions = {},
): string {
  const attribute = (value: string) =>
    value
      .replaceAll("&", "&amp;")
      .replaceAll('"', "&quot;")
      .replaceAll("<", "&lt;")
      .replaceAll(">", "&gt;");
  const toName = options.toName ?? "text";
  return [
    "<View>",
    `  <Labels name="${attribute(options.fromName ?? "label")}" toName="${attribute(toName)}">`,
    ...labels.map((label) => `    <Label value="${attribute(label)}"/>`),
    "  </Labels>",
    `  <Text name="${attribute(toName)}" value="$${attribute(options.textKey ?? "text")}"/>`,
    "</View>",
    "",
  ].join("\n");
}
