import { compareSpans, type Span } from "../spans";
import { matchesRelaxed } from "./span-f1";
import type { AgreementRelation, RelationAgreement } from "./types";

type PairTally = { documents: number; relations: number; exact: number; relaxed: number };

type TypeTally = {
  directed: boolean;
  /** Relations per annotator index, over all submitted documents. */
  counts: number[];
  /** Over all pairs: Σ 2·exact matches and Σ (|A_t| + |B_t|). */
  matched: number;
  relations: number;
};

/** One submission's relations, each once, grouped by type. */
type RelationSet = { annotator: number; byType: Map<string, Map<string, AgreementRelation>> };

/**
 * Relation-level agreement, accumulated one document at a time, as span F1 is: exact F1 =
 * 2·|A ∩ B| / (|A| + |B|), relaxed F1 = (A relations matching a B relation + B relations matching
 * an A relation) / (|A| + |B|), summed over the documents a pair both submitted. Two relations
 * match exactly when their type and both end spans are equal, relaxedly when their type is equal
 * and each end matches the other's relaxedly (same label, overlapping); an undirected type's ends
 * are compared in either order.
 */
export class RelationAgreementTally {
  private readonly pairs = new Map<number, PairTally>();
  /** By type name: the scheme's types in order, then any other type met, as met. */
  private readonly types = new Map<string, TypeTally>();

  constructor(
    private readonly annotators: readonly string[],
    relationTypes: readonly { name: string; directed: boolean }[],
  ) {
    for (const { name, directed } of relationTypes) this.typeTally(name, directed);
  }

  /** Adds a document from its submissions, sorted by annotator index. */
  addDocument(
    submissions: readonly { annotator: number; relations: readonly AgreementRelation[] }[],
  ) {
    const sets = submissions.map(({ annotator, relations }) => {
      const set: RelationSet = { annotator, byType: new Map() };
      for (const relation of relations) {
        const tally = this.typeTally(relation.type, true);
        const byKey = set.byType.get(relation.type) ?? new Map<string, AgreementRelation>();
        set.byType.set(relation.type, byKey);
        const key = relationKey(relation, tally.directed);
        if (byKey.has(key)) continue;
        byKey.set(key, relation);
        tally.counts[annotator] = (tally.counts[annotator] ?? 0) + 1;
      }
      return set;
    });
    sets.forEach((a, i) => sets.slice(i + 1).forEach((b) => this.addPair(a, b)));
  }

  result(): RelationAgreement {
    const pairs: RelationAgreement["pairs"] = [];
    this.annotators.forEach((nameA, a) =>
      this.annotators.forEach((nameB, b) => {
        const tally = b > a ? this.pairs.get(a * this.annotators.length + b) : undefined;
        if (!tally) return;
        pairs.push({
          a: nameA,
          b: nameB,
          exactF1: ratio(2 * tally.exact, tally.relations),
          relaxedF1: ratio(tally.relaxed, tally.relations),
          relations: tally.relations,
          documents: tally.documents,
        });
      }),
    );
    const perType = [...this.types]
      .filter(([, tally]) => tally.counts.some((count) => count > 0))
      .map(([type, tally]) => ({
        type,
        exactF1: ratio(tally.matched, tally.relations),
        counts: Object.fromEntries(this.annotators.map((name, i) => [name, tally.counts[i] ?? 0])),
      }));
    return { pairs, perType };
  }

  private typeTally(name: string, directed: boolean): TypeTally {
    const existing = this.types.get(name);
    if (existing) return existing;
    const created = { directed, counts: this.annotators.map(() => 0), matched: 0, relations: 0 };
    this.types.set(name, created);
    return created;
  }

  private addPair(a: RelationSet, b: RelationSet) {
    const key = a.annotator * this.annotators.length + b.annotator;
    const pair = this.pairs.get(key) ?? { documents: 0, relations: 0, exact: 0, relaxed: 0 };
    this.pairs.set(key, pair);
    pair.documents++;
    for (const [type, tally] of this.types) {
      const relationsA = a.byType.get(type) ?? new Map<string, AgreementRelation>();
      const relationsB = b.byType.get(type) ?? new Map<string, AgreementRelation>();
      const exact = [...relationsA.keys()].filter((k) => relationsB.has(k)).length;
      const count = relationsA.size + relationsB.size;
      pair.relations += count;
      pair.exact += exact;
      pair.relaxed +=
        countRelaxed(relationsA, relationsB, tally.directed) +
        countRelaxed(relationsB, relationsA, tally.directed);
      tally.matched += 2 * exact;
      tally.relations += count;
    }
  }
}

/** The relation's identity: an undirected type's ends in offset order, so either order is one. */
function relationKey({ source, target }: AgreementRelation, directed: boolean): string {
  const [first, second] =
    directed || compareSpans(source, target) <= 0 ? [source, target] : [target, source];
  return `${spanKey(first)}>${spanKey(second)}`;
}

const spanKey = (span: Span) => `${span.start}:${span.end}:${span.label}`;

/**
 * How many of `relations` match one of `others` relaxedly. A scan of `others` per relation: a
 * document's relations of one type are a few dozen, where spans are thousands.
 */
function countRelaxed(
  relations: ReadonlyMap<string, AgreementRelation>,
  others: ReadonlyMap<string, AgreementRelation>,
  directed: boolean,
): number {
  if (others.size === 0) return 0;
  let matched = 0;
  for (const relation of relations.values()) {
    for (const other of others.values()) {
      if (matchRelaxed(relation, other, directed)) {
        matched++;
        break;
      }
    }
  }
  return matched;
}

function matchRelaxed(a: AgreementRelation, b: AgreementRelation, directed: boolean): boolean {
  if (matchesRelaxed(a.source, b.source) && matchesRelaxed(a.target, b.target)) return true;
  return !directed && matchesRelaxed(a.source, b.target) && matchesRelaxed(a.target, b.source);
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
