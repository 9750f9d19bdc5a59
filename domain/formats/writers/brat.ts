import { formatBratAnn } from "../brat-write";
import { createBratConf } from "../brat-conf";
import { requireLabelWithoutSpaces } from "../records";
import { countDocument, type ExportFormat } from "./export-format";
import { createFileNamer } from "../file-names";

const bratHolds = ["relations", "attributes", "notes", "fragments"] as const;

/**
 * A brat collection: a .txt and an .ann per document, then annotation.conf, declaring the
 * project's labels and the relation, event and attribute types the documents used.
 */
export const bratExport: ExportFormat = {
  extension: "zip",
  contentType: "application/zip",
  *files(documents, context) {
    const conf = createBratConf(
      context.labels.map((label) => requireLabelWithoutSpaces(label, "brat")),
    );
    const nameOf = createFileNamer();
    for (const document of documents) {
      const { record } = countDocument(context, document, bratHolds);
      const name = nameOf(document);
      yield { name: `${name}.txt`, chunks: [record.text] };
      const ann = formatBratAnn(record, { conf, leftOut: context.summary.detailsLeftOut });
      yield { name: `${name}.ann`, chunks: [ann] };
    }
    yield { name: "annotation.conf", chunks: [conf.format()] };
  },
};
