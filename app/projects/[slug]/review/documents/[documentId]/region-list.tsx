"use client";

import { useState } from "react";
import type { Region, Variant } from "@/domain/review/disagreements";
import { startsOfRepeatedTexts, surroundingWords } from "@/domain/review/region-context";
import type { TextLabel } from "../../../../../_components/text/types";

type ReviewVariant = Variant & { labelId: number | null; inGold: boolean };
type ReviewRegion = Omit<Region, "variants"> & { variants: ReviewVariant[]; settled: boolean };

const kindNames: Record<Region["kind"], string> = {
  agreed: "agreed",
  partial: "only some annotators",
  boundary: "boundary mismatch",
  label: "label mismatch",
  mixed: "boundary and label mismatch",
};

type RegionListProps = {
  text: string;
  annotators: string[];
  labels: TextLabel[];
  regions: ReviewRegion[];
  onAccept: (variant: { start: number; end: number; labelId: number }) => void;
  onReject: (region: ReviewRegion) => void;
  /** Shows the region in the text. */
  onPick: (region: ReviewRegion) => void;
};

/** Each region of overlapping spans with every annotator's version stacked line by line. */
export function RegionList({
  text,
  annotators,
  labels,
  regions,
  onAccept,
  onReject,
  onPick,
}: RegionListProps) {
  const [showAgreed, setShowAgreed] = useState(false);
  // What is left to settle is what a reviewer works through; settled regions are one click away.
  const [showSettled, setShowSettled] = useState(false);
  const colors = new Map(labels.map((label) => [label.name, label.color]));
  const shown = regions.filter(
    (region) => (showAgreed || region.kind !== "agreed") && (showSettled || !region.settled),
  );
  const repeated = startsOfRepeatedTexts(text, regions);

  return (
    <div>
      <div className="mb-2 flex flex-wrap items-center gap-4 text-sm">
        <fieldset className="flex items-center gap-2">
          <legend className="sr-only">Regions to show</legend>
          {(
            [
              ["Open", false],
              ["All", true],
            ] as const
          ).map(([name, settled]) => (
            <label key={name} className="flex items-center gap-1">
              <input
                type="radio"
                name="regions-shown"
                checked={showSettled === settled}
                onChange={() => setShowSettled(settled)}
              />
              {name}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          <input
            type="checkbox"
            checked={showAgreed}
            onChange={(e) => setShowAgreed(e.target.checked)}
          />
          Show agreed regions too
        </label>
      </div>
      {shown.length === 0 && (
        <p className="text-sm text-muted">
          {showSettled ? "No disagreements in this document." : "No open regions left."}
        </p>
      )}
      <ol className="space-y-3" aria-label="Regions">
        {shown.map((region) => (
          <li
            key={`${region.start}-${region.end}`}
            data-testid="region"
            data-kind={region.kind}
            className="rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          >
            <div className="mb-2 flex items-center gap-2">
              <button
                type="button"
                onClick={() => onPick(region)}
                className="text-left font-serif hover:underline"
                title="Show in the text"
              >
                {repeated.has(region.start) ? (
                  <InContext text={text} region={region} />
                ) : (
                  <q>{text.slice(region.start, region.end)}</q>
                )}
              </button>
              <span className="rounded bg-amber-100 px-1.5 text-xs text-amber-900">
                {kindNames[region.kind]}
              </span>
              {region.settled && (
                <span className="rounded bg-violet-100 px-1.5 text-xs text-violet-900">
                  settled
                </span>
              )}
              <button
                type="button"
                onClick={() => onReject(region)}
                className="ml-auto text-xs underline"
              >
                Reject all
              </button>
            </div>
            <table className="w-full">
              <tbody>
                {annotators.map((annotator) => {
                  const variants = region.variants.filter((v) => v.annotators.includes(annotator));
                  return (
                    <tr key={annotator} data-annotator={annotator}>
                      <th scope="row" className="w-20 py-0.5 pr-2 text-left font-normal text-muted">
                        {annotator}
                      </th>
                      <td className="py-0.5">
                        {variants.length === 0 && <span className="text-muted">no span</span>}
                        {variants.map((variant) => (
                          <VariantChip
                            key={`${variant.start}-${variant.end}-${variant.label}`}
                            text={text}
                            variant={variant}
                            color={colors.get(variant.label) ?? "#ddd"}
                            onAccept={onAccept}
                          />
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The region's text with a few words either side, for regions that read the same. */
function InContext({ text, region }: { text: string; region: ReviewRegion }) {
  const context = surroundingWords(text, region);
  return (
    <span data-testid="region-context">
      <span className="text-muted">
        {context.clippedBefore && "…"}
        {context.before}
      </span>
      <q className="font-semibold">{text.slice(region.start, region.end)}</q>
      <span className="text-muted">
        {context.after}
        {context.clippedAfter && "…"}
      </span>
    </span>
  );
}

function VariantChip(props: {
  text: string;
  variant: ReviewVariant;
  color: string;
  onAccept: RegionListProps["onAccept"];
}) {
  const { variant } = props;
  const labelId = variant.labelId;
  return (
    <span className="mr-2 inline-flex items-center gap-1">
      <mark style={{ backgroundColor: props.color }} className="rounded-sm px-1 text-zinc-950">
        {props.text.slice(variant.start, variant.end)} <small>{variant.label}</small>
      </mark>
      {variant.inGold ? (
        <span className="text-xs text-violet-700 dark:text-violet-300">in gold</span>
      ) : (
        labelId !== null && (
          <button
            type="button"
            onClick={() => props.onAccept({ start: variant.start, end: variant.end, labelId })}
            className="text-xs underline"
            aria-label={`Accept ${variant.label} “${props.text.slice(variant.start, variant.end)}” from ${variant.annotators.join(", ")}`}
          >
            Accept
          </button>
        )
      )}
    </span>
  );
}
