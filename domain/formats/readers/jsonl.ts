import { parseJsonlRecord } from "../jsonl";
import { perLine, type ImportFormat } from "../read-items";

/** Concord's own JSONL: offsets in code points, annotators and statuses as written. */
export const jsonlImport: ImportFormat = {
  open: () => ({ file: (_name, _companion, emit) => perLine(emit, parseJsonlRecord) }),
};
