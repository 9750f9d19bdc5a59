import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { exportFormatNames } from "@/domain/formats/catalog";
import type { ExportRequest } from "./export-dataset";
import { parseExportSource } from "./export-source";

const querySchema = z.object({
  format: z.enum(exportFormatNames),
  source: z.string().default("all"),
  scheme: z.enum(["iob1", "iob2", "bioes"]).optional(),
  offsets: z.enum(["code-points", "utf-16"]).optional(),
  includeUncurated: z.enum(["true", "false"]).optional(),
});

/**
 * An export as a download link spells it: `?format=conll&source=gold&scheme=bioes`, with
 * `includeUncurated=true` for gold still being curated.
 */
export function parseExportRequest(projectSlug: string, query: URLSearchParams): ExportRequest {
  const parsed = querySchema.safeParse(Object.fromEntries(query));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new DomainError("BAD_REQUEST", `${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { includeUncurated, ...request } = parsed.data;
  return {
    ...request,
    projectSlug,
    source: parseExportSource(request.source, { includeUncurated: includeUncurated === "true" }),
  };
}
