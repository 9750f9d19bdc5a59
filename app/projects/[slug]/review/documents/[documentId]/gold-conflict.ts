import type { inferRouterOutputs } from "@trpc/server";
import { compareSpanContent, type SpanContent, type SpanEdit } from "@/domain/span-edits";
import { quote, type LayerRules } from "@/domain/span-edits-check";
import type { AppRouter } from "@/server/root";
import { describeReload, rebaseChanges } from "../../../documents/[documentId]/span-rebase";

type Review = inferRouterOutputs<AppRouter>["review"]["document"];

/** A gold change the server refused as made over an older gold layer. */
export type RefusedGoldChange =
  | { kind: "edit"; edits: SpanEdit[] }
  | { kind: "acceptVariant"; variant: SpanContent }
  | { kind: "rejectRegion"; region: { start: number; end: number } }
  | { kind: "acceptAgreed" }
  | { kind: "setGoldStatus"; status: "in_progress" | "curated" };

/**
 * What to do after reloading gold changed elsewhere: edits of gold by content are judged again
 * over the fresh gold, as on the annotation page (`rebaseEdit`), and what still applies is saved;
 * a decision about regions or status was made over what the reviewer saw, so it is not repeated
 * over what they have not: they are told, and do it again if it still holds.
 */
export function rebaseGoldChange(fresh: Review, change: RefusedGoldChange) {
  const rules: LayerRules = {
    text: fresh.document.text,
    allowOverlap: fresh.project.allowOverlap,
    labels: new Map(fresh.labels.map((label) => [label.id, label.name])),
  };
  if (change.kind !== "edit") {
    const problem = `${describeDecision(rules, change)} was not applied: check the reloaded gold and do it again.`;
    return { edits: [], notice: describeReload([problem], false, false) };
  }
  const spans = [...fresh.gold.spans].sort(compareSpanContent);
  const rebased = rebaseChanges(
    rules,
    { spans, relations: [], choices: [] },
    [change.edits],
    (edits) => edits,
    (_, edits) => edits,
  );
  const { problems } = rebased;
  const edits = rebased.kept.flat();
  return { edits, notice: describeReload(problems, edits.length > 0, false) };
}

function describeDecision(rules: LayerRules, change: Exclude<RefusedGoldChange, { kind: "edit" }>) {
  switch (change.kind) {
    case "acceptVariant": {
      const label = rules.labels.get(change.variant.labelId) ?? `label ${change.variant.labelId}`;
      return `Accepting ${quote(rules.text, change.variant)} ${label}`;
    }
    case "rejectRegion":
      return `Rejecting the region ${quote(rules.text, change.region)}`;
    case "acceptAgreed":
      return "Accepting all agreed spans";
    case "setGoldStatus":
      return change.status === "curated" ? "Marking gold curated" : "Reopening gold";
  }
}
