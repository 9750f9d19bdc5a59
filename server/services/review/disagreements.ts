import { z } from "zod";
import type { Db } from "@/db/open-database";
import { storedCountSchema } from "@/domain/record-id";
import { listDocumentsByDisagreementOffThread } from "./agreement-jobs";

export const disagreementQuerySchema = z.object({
  label: z.string().max(200).optional(),
  annotator: z.string().max(200).optional(),
  /** How many matching documents came before this page. */
  cursor: storedCountSchema.optional(),
  limit: z.int().min(1).max(500).default(100),
});
export type DisagreementQuery = z.infer<typeof disagreementQuerySchema>;

/**
 * A page of the documents by disagreement, least agreement first, with the labels and annotators
 * the filters offer. The whole ranking is computed once and cached (agreement-jobs.ts); a page is
 * a slice of it, so a 20,000-document project answers a few kilobytes, not megabytes that take
 * the server's thread a second to serialize.
 */
export async function listDisagreements(db: Db, projectId: number, query: DisagreementQuery) {
  const ranked = await listDocumentsByDisagreementOffThread(db, projectId);
  const matching = ranked.filter(
    (document) =>
      (!query.label || document.labels.includes(query.label)) &&
      (!query.annotator || document.annotators.includes(query.annotator)),
  );
  const start = query.cursor ?? 0;
  const items = matching.slice(start, start + query.limit);
  const end = start + items.length;
  return {
    items,
    total: matching.length,
    nextCursor: end < matching.length ? end : null,
    labels: distinct(ranked.flatMap((document) => document.labels)),
    annotators: distinct(ranked.flatMap((document) => document.annotators)),
  };
}

const distinct = (values: string[]) => [...new Set(values)].sort();
