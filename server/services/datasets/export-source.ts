import { DomainError } from "@/domain/errors";

/**
 * Whose work an export holds: every annotator (not gold), the gold layer, or one annotator. Gold
 * means curated gold, unless `includeUncurated` takes gold still being curated too.
 */
export type ExportSource =
  | { kind: "all" }
  | { kind: "gold"; includeUncurated?: boolean }
  | { kind: "annotator"; name: string };

/** The name a gold layer carries in exports, where every layer is attributed to someone. */
export const goldAnnotatorName = "gold";

export function parseExportSource(
  value: string,
  options: { includeUncurated?: boolean } = {},
): ExportSource {
  if (value === "gold") return { kind: "gold", includeUncurated: options.includeUncurated };
  if (options.includeUncurated) {
    throw new DomainError(
      "BAD_REQUEST",
      "including uncurated gold applies to the gold source only",
    );
  }
  if (value === "all") return { kind: "all" };
  if (value.startsWith("annotator:") && value.length > "annotator:".length) {
    return { kind: "annotator", name: value.slice("annotator:".length) };
  }
  throw new DomainError("BAD_REQUEST", `source "${value}": use all, gold or annotator:NAME`);
}

export function formatExportSource(source: ExportSource): string {
  return source.kind === "annotator" ? `annotator:${source.name}` : source.kind;
}
