import type { Span } from "../spans";
import type { LabelCodes } from "./label-codes";
import { createSpanSet, matchSpanSets, type SpanSet } from "./span-f1";
import type { SpanAgreement } from "./types";

type PairTally = { documents: number; spans: number; exact: number; relaxed: number };

/** One submission's span set, with its spans counted per label code. */
type SubmittedSet = { annotator: number; set: SpanSet; labelCounts: number[] };

/**
 * Span-level agreement, accumulated one document at a time:
 * exact F1 = 2·|A ∩ B| / (|A| + |B|), relaxed F1 = (A spans overlapping a same-label B span + B
 * spans overlapping a same-label A span) / (|A| + |B|), both summed over the documents a pair
 * both submitted. Per label, exact F1 is micro-averaged over every pair.
 */
export class SpanAgreementTally {
  /** Pair tallies by a × annotatorCount + b (a < b), created when a and b first share a document. */
  private readonly pairs = new Map<number, PairTally>();
  /** [label code][annotator]: spans over all submitted documents. */
  private readonly spansPerAnnotator: number[][];
  /** Per label code, over all pairs: Σ 2·exact matches and Σ (|A_l| + |B_l|). */
  private readonly labelMatched: number[];
  private readonly labelSpans: number[];

  constructor(
    private readonly annotators: readonly string[],
    private readonly labelCodes: LabelCodes,
  ) {
    const labels = labelCodes.names.length;
    this.spansPerAnnotator = Array.from({ length: labels }, () =>
      new Array<number>(annotators.length).fill(0),
    );
    this.labelMatched = new Array<number>(labels).fill(0);
    this.labelSpans = new Array<number>(labels).fill(0);
  }

  /** Adds a document from its submissions, sorted by annotator index. */
  addDocument(submissions: readonly { annotator: number; spans: Span[] }[]) {
    const sets = submissions.map(({ annotator, spans }): SubmittedSet => {
      const set = createSpanSet(spans);
      const labelCounts = new Array<number>(this.labelCodes.names.length).fill(0);
      for (const [label, group] of set.byLabel) {
        const code = this.labelCodes.codeOf(label);
        const perAnnotator = this.spansPerAnnotator[code] as number[];
        perAnnotator[annotator] = (perAnnotator[annotator] as number) + group.spans.length;
        labelCounts[code] = group.spans.length;
      }
      return { annotator, set, labelCounts };
    });
    sets.forEach((a, i) => sets.slice(i + 1).forEach((b) => this.addPair(a, b)));
  }

  /** Codes of the labels with at least one submitted span, in label order. */
  labelsWithSpans(): number[] {
    return this.spansPerAnnotator.flatMap((counts, code) =>
      counts.some((count) => count > 0) ? [code] : [],
    );
  }

  result(): SpanAgreement {
    const pairs: SpanAgreement["pairs"] = [];
    this.annotators.forEach((nameA, a) =>
      this.annotators.forEach((nameB, b) => {
        const tally = b > a ? this.pairs.get(a * this.annotators.length + b) : undefined;
        if (!tally) return;
        pairs.push({
          a: nameA,
          b: nameB,
          exactF1: ratio(2 * tally.exact, tally.spans),
          relaxedF1: ratio(tally.relaxed, tally.spans),
          documents: tally.documents,
        });
      }),
    );
    const perLabel = this.labelsWithSpans().map((code) => ({
      label: this.labelCodes.names[code] as string,
      exactF1: ratio(this.labelMatched[code] as number, this.labelSpans[code] as number),
      counts: Object.fromEntries(
        this.annotators.map((name, i) => [name, this.spansPerAnnotator[code]?.[i] ?? 0]),
      ),
    }));
    return { pairs, perLabel };
  }

  private addPair(a: SubmittedSet, b: SubmittedSet) {
    const key = a.annotator * this.annotators.length + b.annotator;
    const tally = this.pairs.get(key) ?? { documents: 0, spans: 0, exact: 0, relaxed: 0 };
    this.pairs.set(key, tally);
    tally.documents++;
    tally.spans += a.set.size + b.set.size;
    a.labelCounts.forEach((count, code) => {
      this.labelSpans[code] =
        (this.labelSpans[code] as number) + count + (b.labelCounts[code] ?? 0);
    });
    for (const [label, matches] of matchSpanSets(a.set, b.set)) {
      const code = this.labelCodes.codeOf(label);
      this.labelMatched[code] = (this.labelMatched[code] as number) + 2 * matches.exact;
      tally.exact += matches.exact;
      tally.relaxed += matches.relaxed;
    }
  }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}
