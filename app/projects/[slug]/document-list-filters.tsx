import type { inferRouterInputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/root";
import { DocumentLabelFilter, type LabelSet } from "./document-list-labels";

type ListInput = inferRouterInputs<AppRouter>["document"]["list"];
export type ListFilters = Omit<ListInput, "projectSlug" | "cursor" | "limit">;

const statuses = { not_started: "Not started", in_progress: "In progress", submitted: "Submitted" };
const sorts = { position: "Position", name: "Name", status: "Status", updated: "Last change" };
const golds = { curated: "Curated", uncurated: "Not curated" };

const oneOf = <T extends string>(choices: Record<T, string>, value: string | null) =>
  value !== null && value in choices ? (value as T) : undefined;

/** The list's search, filters and sort as the URL carries them, so a view can be shared. */
export function readFilters(params: URLSearchParams): ListFilters {
  const annotator = Number(params.get("annotator"));
  const documentLabel = Number(params.get("label"));
  return {
    search: params.get("q") ?? undefined,
    status: oneOf(statuses, params.get("status")),
    annotatorId: Number.isInteger(annotator) && annotator > 0 ? annotator : undefined,
    assigned: params.get("assigned") === "1" || undefined,
    gold: oneOf(golds, params.get("gold")),
    disagreement: params.get("disagreement") === "1" || undefined,
    documentLabel: Number.isInteger(documentLabel) && documentLabel > 0 ? documentLabel : undefined,
    documentLabelIn: params.get("labelIn") === "gold" ? "gold" : undefined,
    sort: oneOf(sorts, params.get("sort")),
    order: params.get("dir") === "desc" ? "desc" : undefined,
  };
}

export function writeFilters(filters: ListFilters): string {
  const entries: [string, string | number | boolean | undefined][] = [
    ["q", filters.search?.trim() || undefined],
    ["status", filters.status],
    ["annotator", filters.annotatorId],
    ["assigned", filters.assigned && "1"],
    ["gold", filters.gold],
    ["disagreement", filters.disagreement && "1"],
    ["label", filters.documentLabel],
    ["labelIn", filters.documentLabel && filters.documentLabelIn === "gold" ? "gold" : undefined],
    ["sort", filters.sort === "position" ? undefined : filters.sort],
    ["dir", filters.order === "desc" ? "desc" : undefined],
  ];
  return new URLSearchParams(
    entries.flatMap(([name, value]) => (value ? [[name, String(value)]] : [])),
  ).toString();
}

const control = "rounded border border-zinc-300 bg-transparent px-2 py-1 dark:border-zinc-700";

type Props = {
  filters: ListFilters;
  onChange: (filters: ListFilters) => void;
  view: { team: boolean; gold: boolean };
  annotators: { id: number; name: string }[];
  labelSets: LabelSet[];
};

/** Search (on Enter or the button), then filters and sort that apply as soon as they change. */
export function DocumentFilters({ filters, onChange, view, annotators, labelSets }: Props) {
  const [search, setSearch] = useState(filters.search ?? "");
  // A new URL (a shared link, the back button) brings its own search text; the form stays mounted
  // so a control keeps its focus while its change goes into the URL.
  const [searchInUrl, setSearchInUrl] = useState(filters.search);
  if (filters.search !== searchInUrl) {
    setSearchInUrl(filters.search);
    setSearch(filters.search ?? "");
  }
  const set = (change: Partial<ListFilters>) => onChange({ ...filters, ...change });
  const choose = <T extends string>(choices: Record<T, string>, value: string) =>
    oneOf(choices, value);
  return (
    <form
      role="search"
      aria-label="Find documents"
      className="mb-4 flex flex-wrap items-end gap-3 text-sm"
      onSubmit={(event) => {
        event.preventDefault();
        set({ search });
      }}
    >
      <span className="flex items-end gap-1">
        <label className="flex flex-col">
          <span className="font-medium">Search</span>
          <input
            type="search"
            value={search}
            onChange={(event) => setSearch(event.target.value)}
            placeholder="id, name or text"
            className={control}
          />
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white">
          Search
        </button>
      </span>
      {view.team && (
        <Select
          label="Annotator"
          value={String(filters.annotatorId ?? "")}
          onChange={(value) => set({ annotatorId: Number(value) || undefined })}
          options={[
            ["", "You"],
            ...annotators.map((a): [string, string] => [String(a.id), a.name]),
          ]}
        />
      )}
      <Select
        label="Status"
        value={filters.status ?? ""}
        onChange={(value) => set({ status: choose(statuses, value) })}
        options={[["", "Any"], ...Object.entries(statuses)]}
      />
      <label className="flex items-center gap-1">
        <input
          type="checkbox"
          checked={filters.assigned ?? false}
          onChange={(event) => set({ assigned: event.target.checked || undefined })}
        />
        Assigned
      </label>
      {view.gold && (
        <Select
          label="Gold"
          value={filters.gold ?? ""}
          onChange={(value) => set({ gold: choose(golds, value) })}
          options={[["", "Any"], ...Object.entries(golds)]}
        />
      )}
      {view.team && (
        <label className="flex items-center gap-1">
          <input
            type="checkbox"
            checked={filters.disagreement ?? false}
            onChange={(event) => set({ disagreement: event.target.checked || undefined })}
          />
          Has disagreement
        </label>
      )}
      <DocumentLabelFilter
        sets={labelSets}
        filters={filters}
        set={set}
        gold={view.gold}
        layerName={annotators.find((a) => a.id === filters.annotatorId)?.name ?? "You"}
      />
      <Select
        label="Sort by"
        value={filters.sort ?? "position"}
        onChange={(value) => set({ sort: choose(sorts, value) })}
        options={Object.entries(sorts)}
      />
      <Select
        label="Order"
        value={filters.order ?? "asc"}
        onChange={(value) => set({ order: value === "desc" ? "desc" : undefined })}
        options={[
          ["asc", "Ascending"],
          ["desc", "Descending"],
        ]}
      />
    </form>
  );
}

function Select(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: [string, string][];
}) {
  return (
    <label className="flex flex-col">
      <span className="font-medium">{props.label}</span>
      <select
        value={props.value}
        onChange={(event) => props.onChange(event.target.value)}
        className={control}
      >
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
