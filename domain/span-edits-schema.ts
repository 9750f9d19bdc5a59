import { z } from "zod";
import { maxAttributeTextLength, maxNoteLength } from "./layer-scheme";
import { recordIdSchema as id, storedCountSchema as offset } from "./record-id";
import type { SpanEdit } from "./span-edits";

const content = z.object({ start: offset, end: offset, labelId: id });
// A span's details, bounded so that no one edit grows past what a quick transaction stores.
const details = z.object({
  attributes: z
    .record(
      z.string().min(1).max(100),
      z.union([z.boolean(), z.string().max(maxAttributeTextLength)]),
    )
    .refine((attributes) => Object.keys(attributes).length <= 50, {
      message: "at most 50 attributes on a span",
    }),
  note: z.string().max(maxNoteLength),
  fragments: z.array(z.tuple([offset, offset])).max(100),
});
const detailed = content.extend(details.partial().shape);
const relation = z.object({ source: content, target: content, typeId: id });
const options = z.array(id).max(200);
// Enough for "tag all occurrences" in a long document, small enough to stay one quick transaction.
const maxSpansPerEdit = 5_000;

const spanEdit = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("add"), spans: z.array(detailed).min(1) }),
  z.object({ kind: z.literal("delete"), spans: z.array(detailed).min(1) }),
  z.object({ kind: z.literal("relabel"), start: offset, end: offset, from: id, to: id }),
  z.object({ kind: z.literal("resize"), span: content, start: offset, end: offset }),
  z.object({
    kind: z.literal("describe"),
    span: content,
    from: details.partial(),
    to: details.partial(),
  }),
  z.object({ kind: z.literal("relate"), relations: z.array(relation).min(1) }),
  z.object({ kind: z.literal("unrelate"), relations: z.array(relation).min(1) }),
  z.object({ kind: z.literal("choose"), setId: id, from: options, to: options }),
]);

/** Edits to one layer as the API takes them: at least one, naming at most `maxSpansPerEdit` things. */
export const spanEditsSchema = z
  .array(spanEdit)
  .min(1)
  .refine((edits) => edits.reduce((n, edit) => n + thingsNamed(edit), 0) <= maxSpansPerEdit, {
    message: `at most ${maxSpansPerEdit} spans in one edit`,
  });

function thingsNamed(edit: SpanEdit): number {
  if (edit.kind === "add" || edit.kind === "delete") return edit.spans.length;
  if (edit.kind === "relate" || edit.kind === "unrelate") return edit.relations.length;
  return 1;
}

/**
 * The version of a layer its client last saw, which every write to the layer names: a layer that
 * does not exist yet has version 0.
 */
export const baseVersionSchema = offset;
