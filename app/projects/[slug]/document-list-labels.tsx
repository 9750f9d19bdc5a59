"use client";

import type { ListFilters } from "./document-list-filters";

export type LabelSet = { id: number; name: string; options: { id: number; name: string }[] };

const control = "rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700";

/**
 * The document label filter: one option of a set, chosen by the layer the list reads (the
 * viewer's, or the annotator picked) or, for reviewers, by gold.
 */
export function DocumentLabelFilter(props: {
  sets: LabelSet[];
  filters: ListFilters;
  set: (change: Partial<ListFilters>) => void;
  gold: boolean;
  layerName: string;
}) {
  const { sets, filters, set } = props;
  if (sets.length === 0) return null;
  return (
    <>
      <label className="flex flex-col">
        <span className="font-medium">Document label</span>
        <select
          value={filters.documentLabel ?? ""}
          onChange={(event) => set({ documentLabel: Number(event.target.value) || undefined })}
          className={control}
        >
          <option value="">Any</option>
          {sets.map((labelSet) => (
            <optgroup key={labelSet.id} label={labelSet.name}>
              {labelSet.options.map((option) => (
                <option key={option.id} value={option.id}>
                  {labelSet.name}: {option.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </label>
      {props.gold && filters.documentLabel !== undefined && (
        <label className="flex flex-col">
          <span className="font-medium">Chosen by</span>
          <select
            value={filters.documentLabelIn ?? "layer"}
            onChange={(event) =>
              set({ documentLabelIn: event.target.value === "gold" ? "gold" : undefined })
            }
            className={control}
          >
            <option value="layer">{props.layerName}</option>
            <option value="gold">Gold</option>
          </select>
        </label>
      )}
    </>
  );
}

/** The document labels a row's layer (and gold's, for reviewers) chose, as small badges. */
export function DocumentLabelBadges(props: {
  sets: LabelSet[];
  own: number[] | null;
  gold: number[] | null;
}) {
  const names = new Map(
    props.sets.flatMap((set) => set.options.map((o) => [o.id, `${set.name}: ${o.name}`])),
  );
  const badges = [
    ...(props.own ?? []).map((id) => ({ id, text: names.get(id), gold: false })),
    ...(props.gold ?? []).map((id) => ({ id, text: names.get(id), gold: true })),
  ].filter((badge) => badge.text !== undefined);
  if (badges.length === 0) return <span className="text-muted">none</span>;
  return (
    <ul aria-label="Document labels" className="flex flex-wrap gap-1">
      {badges.map((badge) => (
        <li
          key={`${badge.gold}-${badge.id}`}
          data-testid="document-label-badge"
          className={`rounded px-1.5 py-0.5 text-xs ${
            badge.gold
              ? "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-100"
              : "bg-zinc-100 text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100"
          }`}
        >
          {badge.gold ? `gold ${badge.text}` : badge.text}
        </li>
      ))}
    </ul>
  );
}
