import { cohenKappa, type CohenTally } from "./cohen";
import {
  addMatrix,
  createCountMatrix,
  rowSums,
  scaleMatrix,
  toRows,
  trace,
  type CountMatrix,
} from "./count-matrix";
import { fleissKappa, type FleissTally } from "./fleiss";
import { categoryAlpha, nominalAlpha } from "./krippendorff";
import { OUTSIDE, type LabelCodes } from "./label-codes";
import type { TokenAgreement } from "./types";

/**
 * Token-level agreement, accumulated one document at a time. Every token is a unit, every
 * annotator who submitted its document a coder, the value the token's label code.
 *
 * Per document, one count of ordered coder pairs per (label, label) feeds everything: it IS the
 * document's share of the confusion matrix; divided by m − 1 (m coders, the same for every token
 * of a document) it is its coincidence matrix (Krippendorff 2011); its trace is Fleiss' agreeing
 * pairs and its row sums / (m − 1) Fleiss' category totals.
 */
export class TokenAgreementTally {
  private readonly coincidences: CountMatrix;
  private readonly confusion: CountMatrix;
  private readonly fleissPairs: CountMatrix;
  private fleissSubjects = 0;
  private alphaUnits = 0;
  /** Cohen tallies by a × annotatorCount + b (a < b), created when a and b first share a document. */
  private readonly cohen = new Map<number, CohenTally>();

  constructor(
    private readonly annotatorCount: number,
    private readonly categories: number,
  ) {
    this.coincidences = createCountMatrix(categories);
    this.confusion = createCountMatrix(categories);
    this.fleissPairs = createCountMatrix(categories);
  }

  /**
   * Adds a document from the label codes of its coders (annotator indexes, ascending, at least two),
   * one array per coder with one code per token. Returns the document's own alpha.
   */
  addDocument(coders: readonly number[], labels: readonly Int32Array[]): number | null {
    const coderCount = coders.length;
    const tokenCount = labels[0]?.length ?? 0;
    const pairs = createCountMatrix(this.categories);
    const labelCounts = labels.map((codes) => countLabels(codes, this.categories));
    for (let i = 0; i < coderCount; i++) {
      for (let j = i + 1; j < coderCount; j++) {
        const tally = this.cohenTally(coders[i] as number, coders[j] as number);
        tally.items += tokenCount;
        tally.agreements += countPairs(labels[i] as Int32Array, labels[j] as Int32Array, pairs);
        addInto(tally.marginalsA, labelCounts[i] as number[]);
        addInto(tally.marginalsB, labelCounts[j] as number[]);
      }
    }
    const coincidences = scaleMatrix(pairs, 1 / (coderCount - 1));
    addMatrix(this.coincidences, coincidences);
    addMatrix(this.confusion, pairs);
    this.alphaUnits += tokenCount;
    if (coderCount === this.annotatorCount) {
      addMatrix(this.fleissPairs, pairs);
      this.fleissSubjects += tokenCount;
    }
    return nominalAlpha(coincidences);
  }

  result(
    annotators: readonly string[],
    labelCodes: LabelCodes,
    labelsWithSpans: readonly number[],
  ): TokenAgreement {
    const cohenKappas: TokenAgreement["cohenKappa"] = [];
    for (let a = 0; a < annotators.length; a++) {
      for (let b = a + 1; b < annotators.length; b++) {
        const tally = this.cohen.get(a * this.annotatorCount + b);
        if (!tally) continue;
        const [nameA, nameB] = [annotators[a] as string, annotators[b] as string];
        cohenKappas.push({ a: nameA, b: nameB, kappa: cohenKappa(tally), tokens: tally.items });
      }
    }
    const shown = [OUTSIDE, ...labelsWithSpans];
    return {
      krippendorffAlpha: nominalAlpha(this.coincidences),
      alphaUnits: this.alphaUnits,
      fleissKappa: fleissKappa(this.fleissTally()),
      fleissUnits: this.fleissSubjects,
      cohenKappa: cohenKappas,
      perLabelAlpha: labelsWithSpans.map((code) => ({
        label: labelCodes.names[code] as string,
        alpha: categoryAlpha(this.coincidences, code),
      })),
      confusion: {
        labels: shown.map((code) => labelCodes.names[code] as string),
        counts: toRows(this.confusion, shown),
      },
    };
  }

  private cohenTally(a: number, b: number): CohenTally {
    const key = a * this.annotatorCount + b;
    const existing = this.cohen.get(key);
    if (existing) return existing;
    const created: CohenTally = {
      items: 0,
      agreements: 0,
      marginalsA: new Array<number>(this.categories).fill(0),
      marginalsB: new Array<number>(this.categories).fill(0),
    };
    this.cohen.set(key, created);
    return created;
  }

  /** Documents submitted by all m annotators: each token a subject with m ratings. */
  private fleissTally(): FleissTally {
    const raters = this.annotatorCount;
    return {
      subjects: this.fleissSubjects,
      raters,
      agreeingPairs: trace(this.fleissPairs),
      categoryTotals: rowSums(this.fleissPairs).map((sum) => sum / (raters - 1)),
    };
  }
}

/** Adds both orders of every token's (a, b) label pair to `pairs`; returns the tokens agreed on. */
function countPairs(a: Int32Array, b: Int32Array, pairs: CountMatrix): number {
  // The hottest loop of all (tokens × coder pairs): plain index arithmetic on the typed array.
  const { size, cells } = pairs;
  let agreements = 0;
  for (let t = 0; t < a.length; t++) {
    const codeA = a[t] as number;
    const codeB = b[t] as number;
    cells[codeA * size + codeB] = (cells[codeA * size + codeB] as number) + 1;
    cells[codeB * size + codeA] = (cells[codeB * size + codeA] as number) + 1;
    if (codeA === codeB) agreements++;
  }
  return agreements;
}

function countLabels(codes: Int32Array, categories: number): number[] {
  const counts = new Array<number>(categories).fill(0);
  for (let t = 0; t < codes.length; t++) {
    const code = codes[t] as number;
    counts[code] = (counts[code] as number) + 1;
  }
  return counts;
}

function addInto(target: number[], source: readonly number[]) {
  source.forEach((count, i) => (target[i] = (target[i] as number) + count));
}
