import { hfTagNames, writeHf } from "../hf";
import { countDocument, type ExportFormat } from "./export-format";

/**
 * Hugging Face token classification: `labels.json` (the tag names, ids following the project's
 * label order, so they stay stable between exports) and `data.jsonl`, one sentence per example,
 * which `datasets.load_dataset("json", data_files="data.jsonl")` loads.
 */
export const hfExport: ExportFormat = {
  extension: "zip",
  contentType: "application/zip",
  *files(documents, context) {
    yield { name: "labels.json", chunks: [`${JSON.stringify(hfTagNames(context.labels))}\n`] };
    yield {
      name: "data.jsonl",
      chunks: (function* () {
        for (const document of documents) {
          const written = countDocument(context, document, []);
          const record = { ...written.record, id: written.record.id ?? `document-${document.id}` };
          const tagged = writeHf([record], { labels: context.labels });
          context.summary.unalignedSpans += tagged.unalignedSpans;
          context.summary.overlappingSpans += tagged.overlappingSpans;
          yield tagged.content;
        }
      })(),
    };
  },
};
