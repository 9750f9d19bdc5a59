import { parseHfRecord, parseHfTagNames } from "@/domain/formats/hf";
import { extensionOf, type ImportFile } from "../import-file";
import { perLine, type ImportFormat } from "../read-items";

const isTagNames = (file: ImportFile) => extensionOf(file.name) === ".json";

/**
 * Hugging Face token classification JSONL; integer `ner_tags` are named by a `labels.json` (any
 * .json file given with the data), tags that are names need none. Each example is one document.
 */
export const hfImport: ImportFormat = {
  async plan(files) {
    const tagNames = files.filter(isTagNames);
    return {
      units: files.filter((file) => !isTagNames(file)).map((file) => ({ file })),
      shared: tagNames.slice(0, 1),
    };
  },
  open(options, shared) {
    const [labels] = shared;
    const tagNames = labels ? parseHfTagNames(labels.text) : undefined;
    return {
      file: (_name, _companion, emit) =>
        perLine(emit, (text, line) => parseHfRecord(text, line, tagNames, options)),
    };
  },
};
