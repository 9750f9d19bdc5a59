"use client";

import type { inferRouterOutputs } from "@trpc/server";
import type { AttributeValue } from "@/domain/span-details";
import type { RelationContent, SpanContent, SpanEdit } from "@/domain/span-edits";
import { quote } from "@/domain/span-quote";
import type { Span } from "@/domain/spans";
import type { AppRouter } from "@/server/root";

type Review = inferRouterOutputs<AppRouter>["review"]["document"];
type Structure = Review["structure"];

type StructureListProps = {
  text: string;
  structure: Structure;
  onSettleRelations: (ends: [SpanContent, SpanContent], relation: RelationContent | null) => void;
  onEdit: (edits: SpanEdit[]) => void;
};

const button = "rounded border px-2 py-0.5 text-xs disabled:opacity-50";
const inGoldMark = (
  <span className="ml-1 text-xs text-emerald-700 dark:text-emerald-400">in gold</span>
);

/**
 * How annotators differ beyond spans, each conflict settled into gold by accepting one version
 * or none: relations between two spans, attribute values of spans marked alike, and answers to
 * each document label set. Agreed items are listed too, so that they can be taken into gold.
 */
export function StructureList({ text, structure, onSettleRelations, onEdit }: StructureListProps) {
  const { relations, attributes, documentLabels } = structure;
  if (relations.length + attributes.length + documentLabels.length === 0) return null;
  const spanText = (span: Span) => `${span.label} ${quote(text, span)}`;
  return (
    <div className="mt-6 space-y-6" data-testid="structure-conflicts">
      {relations.length > 0 && (
        <section aria-label="Relations">
          <h3 className="mb-1 font-semibold">Relations</h3>
          <ol className="space-y-2">
            {relations.map((conflict) => {
              const [first, second] = conflict.endContents;
              const ends = first && second ? ([first, second] as [SpanContent, SpanContent]) : null;
              const name = `${spanText(conflict.ends[0])} – ${spanText(conflict.ends[1])}`;
              return (
                <li key={name} aria-label={name} className="rounded border p-2 text-sm">
                  <p className="font-medium">
                    {name} <span className="text-xs text-muted">({conflict.kind})</span>
                  </p>
                  {!conflict.endsInGold && (
                    <p className="text-xs text-amber-800 dark:text-amber-300">
                      Accept both spans into gold first: a relation goes into gold only between gold
                      spans.
                    </p>
                  )}
                  <ul>
                    {conflict.variants.map((variant) => {
                      const words = `${variant.source.label} ${quote(text, variant.source)} —${variant.type}→ ${quote(text, variant.target)}`;
                      return (
                        <li
                          key={words + variant.annotators.join()}
                          className="flex flex-wrap items-center gap-2"
                        >
                          <span>{words}</span>
                          <span className="text-xs text-muted">
                            {variant.annotators.join(", ")}
                          </span>
                          {variant.inGold && inGoldMark}
                          <button
                            type="button"
                            className={button}
                            disabled={
                              !ends || !variant.relation || !conflict.endsInGold || variant.inGold
                            }
                            onClick={() =>
                              ends && variant.relation && onSettleRelations(ends, variant.relation)
                            }
                          >
                            Accept {variant.type} from {variant.annotators.join(", ")}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                  {conflict.without.length > 0 && (
                    <p className="text-xs text-muted">No relation: {conflict.without.join(", ")}</p>
                  )}
                  <button
                    type="button"
                    className={button}
                    disabled={!ends}
                    onClick={() => ends && onSettleRelations(ends, null)}
                  >
                    No relation in gold
                  </button>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {attributes.length > 0 && (
        <section aria-label="Attributes">
          <h3 className="mb-1 font-semibold">Attributes</h3>
          <ol className="space-y-2">
            {attributes.map((conflict) => {
              const name = `${conflict.attribute} of ${spanText(conflict.span)}`;
              const span = conflict.spanContent;
              const settle = (value: AttributeValue | null) => {
                if (!span) return;
                onEdit([
                  describeAttribute(span, conflict.goldAttributes, conflict.attribute, value),
                ]);
              };
              return (
                <li key={name} aria-label={name} className="rounded border p-2 text-sm">
                  <p className="font-medium">
                    {name} <span className="text-xs text-muted">({conflict.kind})</span>
                  </p>
                  {!conflict.spanInGold && (
                    <p className="text-xs text-amber-800 dark:text-amber-300">
                      Accept the span into gold first.
                    </p>
                  )}
                  <ul>
                    {conflict.variants.map((variant) => (
                      <li key={String(variant.value)} className="flex flex-wrap items-center gap-2">
                        <span>{variant.value === null ? "unset" : String(variant.value)}</span>
                        <span className="text-xs text-muted">{variant.annotators.join(", ")}</span>
                        {variant.inGold && inGoldMark}
                        <button
                          type="button"
                          className={button}
                          disabled={!conflict.spanInGold || variant.inGold}
                          onClick={() => settle(variant.value)}
                        >
                          Accept {conflict.attribute}:{" "}
                          {variant.value === null ? "unset" : String(variant.value)}
                        </button>
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      {documentLabels.length > 0 && (
        <section aria-label="Document labels">
          <h3 className="mb-1 font-semibold">Document labels</h3>
          <ol className="space-y-2">
            {documentLabels.map((conflict) => {
              const setId = conflict.setId;
              const choose = (to: number[]) =>
                setId !== null &&
                onEdit([{ kind: "choose", setId, from: conflict.goldOptionIds, to }]);
              return (
                <li
                  key={conflict.set}
                  aria-label={conflict.set}
                  className="rounded border p-2 text-sm"
                >
                  <p className="font-medium">
                    {conflict.set} <span className="text-xs text-muted">({conflict.kind})</span>
                  </p>
                  <ul>
                    {conflict.variants.map((variant) => {
                      const words = variant.options.join(", ") || "none";
                      return (
                        <li key={words} className="flex flex-wrap items-center gap-2">
                          <span>{words}</span>
                          <span className="text-xs text-muted">
                            {variant.annotators.join(", ")}
                          </span>
                          {variant.inGold && inGoldMark}
                          <button
                            type="button"
                            className={button}
                            disabled={setId === null || variant.inGold}
                            onClick={() => choose(variant.optionIds)}
                          >
                            Accept {conflict.set}: {words}
                          </button>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              );
            })}
          </ol>
        </section>
      )}
    </div>
  );
}

/** The edit that sets one attribute of a gold span (null: unset), keeping its others. */
function describeAttribute(
  span: SpanContent,
  before: Readonly<Record<string, AttributeValue>>,
  attribute: string,
  value: AttributeValue | null,
): SpanEdit {
  const after = Object.fromEntries(Object.entries(before).filter(([name]) => name !== attribute));
  if (value !== null) after[attribute] = value;
  return { kind: "describe", span, from: { attributes: { ...before } }, to: { attributes: after } };
}
