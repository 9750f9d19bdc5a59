"use client";

import { useLayoutEffect, useRef, useState } from "react";
import type { Region, Variant } from "@/domain/review/disagreements";
import type { TextDirection } from "@/domain/text-direction";
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
  /** The document's language and direction, which its quotes keep. */
  lang: string;
  dir: TextDirection;
  annotators: string[];
  labels: TextLabel[];
  regions: ReviewRegion[];
  onAccept: (variant: { start: number; end: number; labelId: number }) => void;
  onReject: (region: ReviewRegion) => void;
  /** Shows the region in the text. */
  onPick: (region: ReviewRegion) => void;
  /** Where the keyboard goes once the last region shown is settled. */
  onNoneLeft: () => void;
};

type Acted = { start: number; end: number; button: HTMLElement };

/** Each region of overlapping spans with every annotator's version stacked line by line. */
export function RegionList({
  text,
  lang,
  dir,
  annotators,
  labels,
  regions,
  onAccept,
  onReject,
  onPick,
  onNoneLeft,
}: RegionListProps) {
  const [showAgreed, setShowAgreed] = useState(false);
  // What is left to settle is what a reviewer works through; settled regions are one click away.
  const [showSettled, setShowSettled] = useState(false);
  const colors = new Map(labels.map((label) => [label.name, label.color]));
  const shown = regions.filter(
    (region) => (showAgreed || region.kind !== "agreed") && (showSettled || !region.settled),
  );
  const repeated = startsOfRepeatedTexts(text, regions);
  const listRef = useRef<HTMLOListElement>(null);
  const acted = useRef<Acted | null>(null);
  const act = (region: ReviewRegion, button: HTMLElement, action: () => void) => {
    acted.current = { start: region.start, end: region.end, button };
    action();
  };

  // Accepting or rejecting settles the region, which takes its buttons away with the focus: the
  // keyboard goes on to the region that is next now, rather than back to the top of the page.
  useLayoutEffect(() => {
    const last = acted.current;
    if (!last || document.activeElement === last.button) return;
    acted.current = null;
    const focusLost = !document.activeElement || document.activeElement === document.body;
    if (last.button.isConnected || !focusLost) return;
    const target = regionAfter(shown, last);
    const control =
      target &&
      listRef.current?.querySelector<HTMLElement>(`[data-region="${keyOf(target)}"] button`);
    if (control) control.focus();
    else onNoneLeft();
  });

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
      <ol ref={listRef} className="space-y-3" aria-label="Regions">
        {shown.map((region) => (
          <li
            key={keyOf(region)}
            data-region={keyOf(region)}
            data-testid="region"
            data-kind={region.kind}
            className="rounded border border-zinc-200 p-3 text-sm dark:border-zinc-800"
          >
            <div className="mb-2 flex items-center gap-2">
              <button
                type="button"
                onClick={() => onPick(region)}
                lang={lang}
                dir={dir}
                className="text-start font-serif hover:underline"
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
                onClick={(event) => act(region, event.currentTarget, () => onReject(region))}
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
                            lang={lang}
                            dir={dir}
                            variant={variant}
                            color={colors.get(variant.label) ?? "#ddd"}
                            onAccept={(accepted, button) =>
                              act(region, button, () => onAccept(accepted))
                            }
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

const keyOf = (region: { start: number; end: number }) => `${region.start}-${region.end}`;

/** The region acted on if it is still open, else the first shown after it, else the last before. */
function regionAfter(shown: ReviewRegion[], acted: Acted): ReviewRegion | undefined {
  const same = shown.find((region) => keyOf(region) === keyOf(acted));
  if (same && !same.settled) return same;
  const after = (region: ReviewRegion) =>
    region.start > acted.start || (region.start === acted.start && region.end > acted.end);
  return shown.find(after) ?? shown.findLast((region) => region !== same && !after(region));
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
  lang: string;
  dir: TextDirection;
  variant: ReviewVariant;
  color: string;
  onAccept: (variant: { start: number; end: number; labelId: number }, button: HTMLElement) => void;
}) {
  const { variant } = props;
  const labelId = variant.labelId;
  return (
    <span className="mr-2 inline-flex items-center gap-1">
      <mark style={{ backgroundColor: props.color }} className="rounded-sm px-1 text-zinc-950">
        <span lang={props.lang} dir={props.dir}>
          {props.text.slice(variant.start, variant.end)}
        </span>{" "}
        <small>{variant.label}</small>
      </mark>
      {variant.inGold ? (
        <span className="text-xs text-violet-700 dark:text-violet-300">in gold</span>
      ) : (
        labelId !== null && (
          <button
            type="button"
            onClick={(event) =>
              props.onAccept(
                { start: variant.start, end: variant.end, labelId },
                event.currentTarget,
              )
            }
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
