import type { ImportFormatName } from "@/domain/formats/catalog";

export type ImportOptions = {
  lines?: boolean;
  strict?: boolean;
  skipInvalid?: boolean;
  replace?: boolean;
  annotator?: string;
  offsets?: "code-points" | "utf-16";
  discontinuous?: "keep" | "split" | "merge" | "skip";
};

const namesNoAnnotator: readonly ImportFormatName[] = ["conll", "brat", "spacy", "hf", "doccano"];

/** The import's options, each shown only for the formats it applies to. */
export function ImportOptionsFields({
  format,
  options,
  onChange,
}: {
  format: ImportFormatName;
  options: ImportOptions;
  onChange: (options: ImportOptions) => void;
}) {
  const check = (key: "lines" | "strict" | "skipInvalid" | "replace", label: string) => (
    <label className="flex items-center gap-2">
      <input
        type="checkbox"
        checked={options[key] ?? false}
        onChange={(event) => onChange({ ...options, [key]: event.target.checked })}
      />
      {label}
    </label>
  );
  return (
    <fieldset className="my-3 grid gap-2 text-sm">
      <legend className="mb-1 font-medium">Options</legend>
      {format === "txt" && check("lines", "One document per line")}
      {check("strict", "Refuse labels the project does not have (instead of creating them)")}
      {check("skipInvalid", "Skip invalid documents and import the rest")}
      {check("replace", "Replace documents whose id is already in the project")}
      {namesNoAnnotator.includes(format) && (
        <label className="flex items-center gap-2">
          Annotator of the file&apos;s spans
          <input
            className="rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700"
            placeholder={format}
            value={options.annotator ?? ""}
            onChange={(event) =>
              onChange({ ...options, annotator: event.target.value.trim() || undefined })
            }
          />
        </label>
      )}
      {(format === "doccano" || format === "labelstudio") && (
        <label className="flex items-center gap-2">
          Offsets count
          <select
            value={options.offsets ?? ""}
            onChange={(event) =>
              onChange({
                ...options,
                offsets: (event.target.value || undefined) as ImportOptions["offsets"],
              })
            }
          >
            <option value="">as the format does</option>
            <option value="code-points">code points (Python)</option>
            <option value="utf-16">UTF-16 units (JavaScript)</option>
          </select>
        </label>
      )}
      {format === "brat" && (
        <label className="flex items-center gap-2">
          Discontinuous spans
          <select
            value={options.discontinuous ?? "keep"}
            onChange={(event) =>
              onChange({
                ...options,
                discontinuous: event.target.value as ImportOptions["discontinuous"],
              })
            }
          >
            <option value="keep">stay one span of several fragments</option>
            <option value="split">become one span per fragment</option>
            <option value="merge">become one span from first to last fragment</option>
            <option value="skip">are left out and reported</option>
          </select>
        </label>
      )}
    </fieldset>
  );
}
