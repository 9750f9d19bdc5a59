import { createHash } from "node:crypto";
import { z } from "zod";
import { DomainError } from "@/domain/errors";
import { recordIdSchema, storedCountSchema } from "@/domain/record-id";
import { textField } from "@/domain/text-field";

export const documentListSorts = ["position", "name", "status", "updated"] as const;
export const listedStatuses = ["not_started", "in_progress", "submitted"] as const;

/**
 * What the documents list may be asked. `annotatorId` names whose status `status`, `assigned` and
 * the status sort read (the caller's own when absent); it also narrows the list to that
 * annotator's queue, as they would see it.
 */
export const documentListInput = z.object({
  search: textField("search", { max: 200, trim: true })
    .optional()
    .transform((search) => search || undefined),
  status: z.enum(listedStatuses).optional(),
  annotatorId: recordIdSchema.optional(),
  assigned: z.boolean().optional(),
  gold: z.enum(["curated", "uncurated"]).optional(),
  disagreement: z.boolean().optional(),
  // A document label (an option id) chosen by the annotator's layer, or by gold.
  documentLabel: recordIdSchema.optional(),
  documentLabelIn: z.enum(["layer", "gold"]).optional(),
  sort: z.enum(documentListSorts).default("position"),
  // Not "direction": tRPC's infinite queries put their own (forward/backward) there.
  order: z.enum(["asc", "desc"]).default("asc"),
  limit: z.int().min(1).max(200).default(50),
  cursor: z.string().max(400).nullish(),
});

export type DocumentListInput = z.output<typeof documentListInput>;
export type DocumentListQuery = Omit<DocumentListInput, "cursor" | "limit">;

/** Where the previous page ended: the last row's sort key and id (ids break ties). */
export type Cursor = { key: string | number; id: number };

const cursorShape = z.object({
  listing: z.string(),
  key: z.union([z.string(), z.number()]),
  id: storedCountSchema,
});

/**
 * A cursor only continues the listing it came from: the same project, caller, filters and sort.
 * Anything else would silently skip or repeat documents, so it is refused instead.
 */
function fingerprint(scope: { projectId: number; userId: number }, query: DocumentListQuery) {
  const ordered = Object.fromEntries(
    Object.entries({ ...scope, ...query }).sort(([a], [b]) => a.localeCompare(b)),
  );
  return createHash("sha256").update(JSON.stringify(ordered)).digest("base64url").slice(0, 16);
}

export function encodeCursor(
  scope: { projectId: number; userId: number },
  query: DocumentListQuery,
  cursor: Cursor,
): string {
  const value = { listing: fingerprint(scope, query), ...cursor };
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor(
  scope: { projectId: number; userId: number },
  query: DocumentListQuery,
  cursor: string,
): Cursor {
  let parsed: z.infer<typeof cursorShape>;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new DomainError("BAD_REQUEST", "the page cursor is malformed: start from the first page");
  }
  if (parsed.listing !== fingerprint(scope, query)) {
    throw new DomainError(
      "BAD_REQUEST",
      "the page cursor belongs to another search, filter or sort: start from the first page",
    );
  }
  return { key: parsed.key, id: parsed.id };
}
