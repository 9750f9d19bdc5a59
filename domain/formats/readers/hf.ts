import { parseHfRecord, parseHfTagNames } from "../hf";
import { extensionOf } from "../file-names";
import { perLine, type ImportFormat, type NamedFile } from "../read-items";

const isTagNames = (file: NamedFile) => extensionOf(file.name) === ".json";

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
