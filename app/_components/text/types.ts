import type { SpanDetails } from "@/domain/span-details";
import type { RelationContent, StoredSpan } from "@/domain/span-edits";

/** What the text components need of a label and a span, whichever layer they come from. */
export type TextLabel = {
  id: number;
  name: string;
  color: string;
  hotkey: string | null;
  description: string;
};

/** A layer's span as shown, with its details; `saveState` marks one the server has not confirmed yet. */
export type TextSpan = StoredSpan & SpanDetails & { saveState?: "saving" | "failed" };

/** A relation between two of a layer's spans, named by their contents. */
export type TextRelation = RelationContent;

/** UTF-16 offsets into the document, start inclusive, end exclusive. */
export type TextRange = { start: number; end: number };
