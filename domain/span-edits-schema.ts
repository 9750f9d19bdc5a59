import { z } from "zod";
import { recordIdSchema as id, storedCountSchema as offset } from "./record-id";
import type { SpanEdit } from "./span-edits";

const content = z.object({ start: offset, end: offset, labelId: id });
// Enough for "tag all occurrences" in a long document, small enough to stay one quick transaction.
const maxSpansPerEdit = 5_000;

const spanEdit = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add"), spans: z.array(content).min(1) }),
  z.object({ kind: z.literal("delete"), spans: z.array(content).min(1) }),
  z.object({ kind: z.literal("relabel"), start: offset, end: offset, from: id, to: id }),
]);

/** Edits to one layer as the API takes them: at least one, naming at most `maxSpansPerEdit` spans. */
export const spanEditsSchema = z
  .array(spanEdit)
  .min(1)
  .refine((edits) => edits.reduce((n, edit) => n + spansNamed(edit), 0) <= maxSpansPerEdit, {
    message: `at most ${maxSpansPerEdit} spans in one edit`,
  });

function spansNamed(edit: SpanEdit): number {
  return edit.kind === "relabel" ? 1 : edit.spans.length;
}

/**
 * The version of a layer its client last saw, which every write to the layer names: a layer that
 * does not exist yet has version 0.
 */
export const baseVersionSchema = offset;
