import type { ExportFormatName } from "./catalog";
import { bratExport } from "./writers/brat";
import type { ExportFormat } from "./writers/export-format";
import { hfExport } from "./writers/hf";
import {
  conllExport,
  csvExport,
  doccanoExport,
  jsonlExport,
  labelStudioExport,
  spacyExport,
} from "./writers/text-formats";

/** The writer of every format Concord exports; the catalog describes them to people. */
export const exportFormats: Record<ExportFormatName, ExportFormat> = {
  jsonl: jsonlExport,
  doccano: doccanoExport,
  labelstudio: labelStudioExport,
  conll: conllExport,
  spacy: spacyExport,
  hf: hfExport,
  brat: bratExport,
  csv: csvExport,
};
