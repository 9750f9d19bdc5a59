import type { DetailEdit } from "../../../../_components/text/span-detail-values";

/** A document label set as the page shows it: one of the project's scheme. */
export type DocumentLabelSet = {
  id: number;
  name: string;
  multiple: boolean;
  options: { id: number; name: string; hotkey: string | null }[];
};

/**
 * The choose edit that picking `optionId` makes: in a multi-choice set it toggles the option; in
 * a single-choice set it replaces the set's choice, and picking the chosen one again clears it.
 * `chosen` is every option the layer has chosen, of any set.
 */
export function chooseEdit(
  set: DocumentLabelSet,
  chosen: readonly number[],
  optionId: number,
): DetailEdit {
  const inSetOrder = (ids: readonly number[]) =>
    set.options.flatMap((option) => (ids.includes(option.id) ? [option.id] : []));
  const from = inSetOrder(chosen);
  const picked = from.includes(optionId);
  let to: number[];
  if (set.multiple) to = picked ? from.filter((id) => id !== optionId) : [...from, optionId];
  else to = picked ? [] : [optionId];
  return { kind: "choose", setId: set.id, from, to: inSetOrder(to) };
}

/** The option a key picks, the first set's first, with the set it belongs to. */
export function optionOfHotkey(sets: readonly DocumentLabelSet[], key: string) {
  for (const set of sets) {
    const option = set.options.find((candidate) => candidate.hotkey === key);
    if (option) return { set, option };
  }
  return null;
}

/** The chosen options by set, for the header: "topic: military, politics · stance: neutral". */
export function describeChoices(
  sets: readonly DocumentLabelSet[],
  chosen: readonly number[],
): string {
  return sets
    .flatMap((set) => {
      const names = set.options.filter((option) => chosen.includes(option.id)).map((o) => o.name);
      return names.length > 0 ? [`${set.name}: ${names.join(", ")}`] : [];
    })
    .join(" · ");
}
