import { writeConll } from "../conll";
import { writeCsvSpans } from "../csv";
import { formatDoccanoRecord } from "../doccano-write";
import { formatJsonlRecord } from "../jsonl";
import { formatLabelStudioTask } from "../labelstudio-write";
import { formatSpacyRecord } from "../spacy";
import { detailKinds } from "../record-details";
import { countDocument, singleFile } from "./export-format";

export const jsonlExport = singleFile("jsonl", "application/jsonl", (document, context) => {
  const { record } = countDocument(context, document, detailKinds);
  return `${formatJsonlRecord(record)}\n`;
});

export const doccanoExport = singleFile("jsonl", "application/jsonl", (document, context) => {
  const { record } = countDocument(context, document, ["relations", "documentLabels"]);
  return `${formatDoccanoRecord(record, { offsets: context.offsets })}\n`;
});

export const spacyExport = singleFile("jsonl", "application/jsonl", (document, context) => {
  const { record } = countDocument(context, document, ["documentLabels"]);
  return `${formatSpacyRecord(record)}\n`;
});

/** The list Label Studio imports, written a task at a time. */
export const labelStudioExport = singleFile(
  "json",
  "application/json",
  (document, context) => {
    const { record } = countDocument(context, document, ["relations", "documentLabels", "notes"]);
    return formatLabelStudioTask(record);
  },
  { open: "[\n  ", separator: ",\n  ", close: "\n]\n", empty: "[]\n" },
);

const csvHeader = writeCsvSpans([]);

export const csvExport = singleFile(
  "csv",
  "text/csv",
  (document, context) => {
    const { record } = countDocument(context, document, []);
    return writeCsvSpans([record]).slice(csvHeader.length);
  },
  { open: csvHeader, empty: csvHeader },
);

export const conllExport = singleFile("conll", "text/plain", (document, context) => {
  const { record } = countDocument(context, document, []);
  const written = writeConll([record], { scheme: context.scheme });
  context.summary.unalignedSpans += written.unalignedSpans;
  context.summary.overlappingSpans += written.overlappingSpans;
  return written.content;
});
