import { labelHotkeys } from "./labels";

/**
 * The keys the annotation page keeps for itself (see its shortcut sheet), with what they do: no
 * label, relation type, attribute or document label may take one.
 */
export const pageKeys: Readonly<Record<string, string>> = {
  j: "the next document",
  "]": "the next document",
  k: "the previous document",
  "[": "the previous document",
  n: "the next document not yet submitted",
  g: "the project's guidelines",
  "/": "find in the document",
  "?": "the list of shortcuts",
};

/** Something of the project's scheme that a key picks on the annotation page. */
export type HotkeyHolder =
  | { kind: "label"; id: number; name: string }
  | { kind: "relationType"; id: number; name: string }
  | { kind: "attribute"; id: number; name: string; labelId: number; labelName: string }
  | { kind: "documentLabelOption"; id: number; name: string; setName: string };

export function describeHolder(holder: HotkeyHolder): string {
  switch (holder.kind) {
    case "label":
      return `label ${holder.name}`;
    case "relationType":
      return `relation type ${holder.name}`;
    case "attribute":
      return `attribute ${holder.name} of ${holder.labelName}`;
    case "documentLabelOption":
      return `document label ${holder.name} of ${holder.setName}`;
  }
}

/** A key the page could give to something of the scheme: the keys labels may take. */
export function findSchemeHotkeyProblem(hotkey: string): string | null {
  const page = pageKeys[hotkey.toLowerCase()];
  if (page) return `hotkey “${hotkey}” is the page's own key for ${page}`;
  if (labelHotkeys.includes(hotkey)) return null;
  return `hotkey “${hotkey}” cannot be used: use a digit 1-9 or a lower-case letter other than j, k, n and g`;
}

/**
 * The holder `hotkey` would clash with, if any. An attribute's key acts on the focused span, so
 * attributes of different labels may share one (`negated` on every label); every other pair of
 * holders in a project needs keys of its own. Labels among themselves are the label service's to
 * judge: a label's chosen key takes precedence over one the page gave another label automatically.
 */
export function findHotkeyClash(
  hotkey: string,
  candidate: Pick<HotkeyHolder, "kind" | "id"> & { labelId?: number },
  holders: readonly (HotkeyHolder & { hotkey: string | null })[],
): HotkeyHolder | undefined {
  return holders.find(
    (holder) =>
      holder.hotkey === hotkey &&
      !(holder.kind === candidate.kind && holder.id === candidate.id) &&
      !(holder.kind === "label" && candidate.kind === "label") &&
      !(
        holder.kind === "attribute" &&
        candidate.kind === "attribute" &&
        holder.labelId !== candidate.labelId
      ),
  );
}
