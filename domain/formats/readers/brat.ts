import { FileInputError, InputError } from "../../errors";
import { readBrat } from "../brat";
import { baseName, extensionOf } from "../file-names";
import { emitDocument, type ImportFormat, type ImportPlan, type NamedFile } from "../read-items";

/**
 * brat standoff: each `.ann` is read with the `.txt` of the same name (folders: the caller lists
 * their files). A `.txt` without an `.ann` is a document nobody annotated yet, as brat treats it.
 */
export const bratImport: ImportFormat = {
  async plan(files) {
    return pairFiles(files);
  },
  open: (options) => ({
    file(name, companion, emit) {
      const lines: string[] = [];
      return {
        line: (text, _line, ending) => lines.push(text + ending),
        end() {
          const id = baseName(name);
          emitDocument(emit, 1, () => {
            if (!companion) {
              // The document itself: a lone .txt.
              return { id, text: lines.join(""), meta: {}, annotations: [] };
            }
            const { document, skipped } = readBrat(companion.text, lines.join(""), {
              ...options,
              id,
            });
            for (const entry of skipped) emit({ kind: "left-out", entry });
            return document;
          });
        },
      };
    },
  }),
};

function pairFiles<F extends NamedFile>(files: F[]): ImportPlan<F> {
  const byExtension = (extension: string) =>
    new Map(
      files
        .filter((file) => extensionOf(file.name) === extension)
        .map((file) => [baseName(file.name), file] as const),
    );
  const texts = byExtension(".txt");
  const annotations = byExtension(".ann");
  // A collection's annotation.conf and visual.conf configure brat's editor: nothing to import.
  const other = files.find((file) => ![".txt", ".ann", ".conf"].includes(extensionOf(file.name)));
  if (other) {
    throw new FileInputError(
      other.name,
      new InputError(1, null, "is neither a brat .txt, .ann nor .conf file"),
    );
  }
  const units: ImportPlan<F>["units"] = [];
  for (const [name, ann] of annotations) {
    const text = texts.get(name);
    if (!text) {
      throw new FileInputError(ann.name, new InputError(1, null, `has no ${name}.txt beside it`));
    }
    units.push({ file: ann, companion: text });
  }
  for (const [name, text] of texts) {
    if (!annotations.has(name)) units.push({ file: text });
  }
  return { units, shared: [] };
}
