import { findLabelNameProblem } from "../labels";

/**
 * Token tags as CoNLL, Hugging Face and spaCy v2 files spell entities. IOB1 (original CoNLL-2003:
 * I- may start an entity, B- only splits two adjacent entities of one label), IOB2/BIO (every
 * entity starts with B-) and BIOES (E- ends, S- is a single token; spaCy's BILUO says L- and U-).
 */
export type TagScheme = "iob1" | "iob2" | "bioes";

export type Tag = { prefix: "O" } | { prefix: "B" | "I" | "E" | "S"; label: string };

/** An entity as token positions: tokens `first` to `end - 1`. */
export type TokenEntity = { first: number; end: number; label: string };

const prefixes: Record<string, "B" | "I" | "E" | "S"> = {
  B: "B",
  I: "I",
  E: "E",
  S: "S",
  L: "E",
  U: "S",
};

/** Reads one tag, or says why it is not one. */
export function parseTag(text: string): Tag | { problem: string } {
  if (text === "O") return { prefix: "O" };
  const match = /^([BIESLU])-(.+)$/.exec(text);
  const prefix = match && prefixes[match[1] as string];
  if (!match || !prefix) {
    return { problem: `tag "${text}" is neither "O" nor B-, I-, E-, S-, L- or U- and a label` };
  }
  const label = match[2] as string;
  const labelProblem = findLabelNameProblem(label);
  return labelProblem ? { problem: labelProblem } : { prefix, label };
}

/**
 * The entities a sentence's tags spell, read the way conlleval reads them, so that one decoder
 * serves every scheme: an I- or E- continues an open entity of its label and otherwise starts one.
 */
export function decodeTags(tags: readonly Tag[]): TokenEntity[] {
  const entities: TokenEntity[] = [];
  let open: { first: number; label: string } | null = null;
  const close = (end: number) => {
    if (open) entities.push({ first: open.first, end, label: open.label });
    open = null;
  };
  tags.forEach((tag, i) => {
    if (tag.prefix === "O") return close(i);
    const continues =
      open !== null && open.label === tag.label && (tag.prefix === "I" || tag.prefix === "E");
    if (!continues) {
      close(i);
      open = { first: i, label: tag.label };
    }
    if (tag.prefix === "E" || tag.prefix === "S") close(i + 1);
  });
  close(tags.length);
  return entities;
}

/** The scheme a sentence's tags show: any E-/S- means BIOES, any I- that starts an entity IOB1. */
export function detectScheme(tags: readonly Tag[]): TagScheme {
  if (tags.some((tag) => tag.prefix === "E" || tag.prefix === "S")) return "bioes";
  const startsWithInside = tags.some((tag, i) => {
    if (tag.prefix !== "I") return false;
    const previous = tags[i - 1];
    return !previous || previous.prefix === "O" || previous.label !== tag.label;
  });
  return startsWithInside ? "iob1" : "iob2";
}

/** Of two sentences' schemes, the one that explains both (IOB2 tags are also valid IOB1). */
export function combineSchemes(a: TagScheme, b: TagScheme): TagScheme {
  const rank: Record<TagScheme, number> = { iob2: 0, iob1: 1, bioes: 2 };
  return rank[a] >= rank[b] ? a : b;
}

/** Tags for `count` tokens; `entities` must be sorted and must not overlap. */
export function encodeTags(
  count: number,
  entities: readonly TokenEntity[],
  scheme: TagScheme,
): string[] {
  const tags: string[] = Array.from({ length: count }, () => "O");
  let previous: TokenEntity | undefined;
  for (const entity of entities) {
    for (let i = entity.first; i < entity.end; i++) {
      tags[i] = `${prefixFor(entity, i, scheme, previous)}-${entity.label}`;
    }
    previous = entity;
  }
  return tags;
}

function prefixFor(entity: TokenEntity, i: number, scheme: TagScheme, previous?: TokenEntity) {
  const first = i === entity.first;
  const last = i === entity.end - 1;
  if (scheme === "iob2") return first ? "B" : "I";
  if (scheme === "bioes") return first && last ? "S" : first ? "B" : last ? "E" : "I";
  const touchesSameLabel = previous?.end === entity.first && previous.label === entity.label;
  return first && touchesSameLabel ? "B" : "I";
}
