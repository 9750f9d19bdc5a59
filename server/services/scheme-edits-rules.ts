import { eq } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Queryable } from "@/db/open-database";
import { DomainError } from "@/domain/errors";
import { fillLabelHotkeys } from "@/domain/labels";
import { recordIdSchema } from "@/domain/record-id";
import {
  describeHolder,
  findHotkeyClash,
  findSchemeHotkeyProblem,
  type HotkeyHolder,
} from "@/domain/scheme-hotkeys";
import { findTextProblem } from "@/domain/text-field";
import { listLabels } from "./projects";
import { listScheme } from "./scheme";

/** Short enough for a tag on an arc, a menu row and a column of the documents list. */
export const maxSchemeNameLength = 50;

/** A name in the scheme (relation type, attribute, document label or its set), as the API takes it. */
export function schemeNameSchema(field: string) {
  return z.string().superRefine((name, context) => {
    const problem =
      findTextProblem(field, name, { max: maxSchemeNameLength, required: true }) ??
      (name !== name.trim() ? `${field} “${name}” has leading or trailing spaces` : null);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}

export const hotkeySchema = z
  .string()
  .max(1, "a hotkey is one key")
  .superRefine((hotkey, context) => {
    const problem = hotkey === "" ? "a hotkey is one key" : findSchemeHotkeyProblem(hotkey);
    if (problem) context.addIssue({ code: "custom", message: problem });
  })
  .nullable();

export const labelIdsSchema = z.array(recordIdSchema).max(100);

/** Every holder of a key in the project, labels with the keys the page gives those without one. */
async function listHotkeyHolders(db: Queryable, projectId: number) {
  const projectLabels = await listLabels(db, projectId);
  const { relationTypes, attributes, documentLabelSets } = await listScheme(db, projectId);
  const labelNames = new Map(projectLabels.map((label) => [label.id, label.name]));
  const holders: (HotkeyHolder & { hotkey: string | null })[] = [
    ...fillLabelHotkeys(projectLabels).map(({ id, name, hotkey }) => ({
      kind: "label" as const,
      id,
      name,
      hotkey,
    })),
    ...relationTypes.map(({ id, name, hotkey }) => ({
      kind: "relationType" as const,
      id,
      name,
      hotkey,
    })),
    ...attributes.map(({ id, name, hotkey, labelId }) => ({
      kind: "attribute" as const,
      id,
      name,
      hotkey,
      labelId,
      labelName: labelNames.get(labelId) ?? "",
    })),
    ...documentLabelSets.flatMap((set) =>
      set.options.map(({ id, name, hotkey }) => ({
        kind: "documentLabelOption" as const,
        id,
        name,
        hotkey,
        setName: set.name,
      })),
    ),
  ];
  return holders;
}

/**
 * Refuses a key another holder of the project already has (see `findHotkeyClash`), naming it:
 * `hotkey “r” is already used by relation type located_in`.
 */
export async function assertHotkeyFree(
  db: Queryable,
  projectId: number,
  hotkey: string | null,
  candidate: Parameters<typeof findHotkeyClash>[1],
): Promise<void> {
  if (hotkey === null) return;
  const problem = findSchemeHotkeyProblem(hotkey);
  if (problem) throw new DomainError("BAD_REQUEST", problem);
  const clash = findHotkeyClash(hotkey, candidate, await listHotkeyHolders(db, projectId));
  if (clash) {
    throw new DomainError(
      "CONFLICT",
      `hotkey “${hotkey}” is already used by ${describeHolder(clash)}`,
    );
  }
}

/** A name another row beside it already has: `relation type name “located_in” is already used`. */
export function assertNameFree(
  field: string,
  name: string,
  id: number | null,
  others: readonly { id: number; name: string }[],
): void {
  if (others.some((other) => other.id !== id && other.name === name)) {
    throw new DomainError("CONFLICT", `${field} “${name}” is already used`);
  }
}

/**
 * Swaps a row with its neighbour in `ordered` (sorted by position); returns the ids in their new
 * order. At either end it changes nothing.
 */
export async function moveInOrder(
  ordered: readonly { id: number; position: number }[],
  id: number,
  direction: "up" | "down",
  setPosition: (id: number, position: number) => Promise<unknown>,
): Promise<number[]> {
  const index = ordered.findIndex((row) => row.id === id);
  const row = ordered[index];
  const other = ordered[direction === "up" ? index - 1 : index + 1];
  const ids = ordered.map((r) => r.id);
  if (!row || !other) return ids;
  await setPosition(row.id, other.position);
  await setPosition(other.id, row.position);
  const at = direction === "up" ? index - 1 : index + 1;
  [ids[index], ids[at]] = [other.id, row.id];
  return ids;
}

/**
 * A removal that takes annotations with it goes ahead only when the caller confirms how many
 * (what the confirmation showed): anything else is refused with the current count.
 */
export function assertConfirmed(
  what: string,
  count: number,
  confirmed: number,
  removed: (count: number) => string,
) {
  if (count === confirmed) return;
  throw new DomainError(
    "CONFLICT",
    `deleting ${what} removes ${removed(count)}; confirm that number to go ahead`,
  );
}

/** Label ids a relation type allows must be the project's own. */
export async function assertProjectLabels(db: Queryable, projectId: number, ids: number[]) {
  const { labels } = tablesOf(db);
  const own = new Set(
    (await db.select({ id: labels.id }).from(labels).where(eq(labels.projectId, projectId))).map(
      (label) => label.id,
    ),
  );
  const foreign = ids.find((id) => !own.has(id));
  if (foreign !== undefined) {
    throw new DomainError("BAD_REQUEST", `label ${foreign} is not a label of this project`);
  }
}
