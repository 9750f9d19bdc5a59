import { formatBratAnn, formatBratConf } from "../brat-write";
import { countDocument, type ExportFormat } from "./export-format";
import { createFileNamer } from "../file-names";

/** A brat collection: annotation.conf, then a .txt and an .ann per document. */
export const bratExport: ExportFormat = {
  extension: "zip",
  contentType: "application/zip",
  *files(documents, context) {
    yield { name: "annotation.conf", chunks: [formatBratConf(context.labels)] };
    const nameOf = createFileNamer();
    for (const document of documents) {
      countDocument(context, document);
      const name = nameOf(document);
      yield { name: `${name}.txt`, chunks: [document.record.text] };
      yield { name: `${name}.ann`, chunks: [formatBratAnn(document.record)] };
    }
  },
};
