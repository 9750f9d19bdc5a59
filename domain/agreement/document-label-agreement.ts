import { cohenKappa, type CohenTally } from "./cohen";
import { fleissKappa, tallyRatingTable } from "./fleiss";
import { alphaWithDistance, coincidencesOfUnits, nominalAlpha } from "./krippendorff";
import { masiDistance } from "./masi";
import type { AgreementScheme, DocumentLabelAgreement } from "./types";

/** A document's answers to one set: the annotators who answered, and their answers' codes. */
type Unit = { annotators: number[]; codes: number[] };

type LabelSet = {
  name: string;
  multiple: boolean;
  /** Category code of each answer met, by its sorted option names as JSON. */
  codes: Map<string, number>;
  /** The options of each code, for MASI. */
  answers: string[][];
  units: Unit[];
};

/**
 * Document-label agreement per set: each document a unit, each annotator's chosen options in the
 * set a value; an annotator who chose none of the set's options did not answer (a missing
 * value). A single-choice set's answers are nominal: Krippendorff's alpha, Cohen's kappa per pair
 * over the documents both answered, Fleiss' kappa over those every annotator answered. A
 * multi-choice set's answers are sets, compared by MASI distance (Passonneau 2006) in alpha;
 * the kappas have no such distance and are left out.
 */
export class DocumentLabelAgreementTally {
  private readonly sets: LabelSet[];

  constructor(
    private readonly annotators: readonly string[],
    scheme: AgreementScheme["documentLabelSets"],
  ) {
    this.sets = scheme.map(({ name, multiple }) => ({
      name,
      multiple,
      codes: new Map(),
      answers: [],
      units: [],
    }));
  }

  /** Adds a document from its submissions, sorted by annotator index. */
  addDocument(
    submissions: readonly { annotator: number; choices?: Readonly<Record<string, string[]>> }[],
  ) {
    for (const set of this.sets) {
      const unit: Unit = { annotators: [], codes: [] };
      for (const { annotator, choices } of submissions) {
        const chosen = [...new Set(choices?.[set.name] ?? [])].sort();
        if (chosen.length === 0) continue;
        unit.annotators.push(annotator);
        unit.codes.push(codeOf(set, chosen));
      }
      if (unit.codes.length >= 2) set.units.push(unit);
    }
  }

  result(): DocumentLabelAgreement[] {
    return this.sets.map((set) => {
      const coincidences = coincidencesOfUnits(
        set.units.map((unit) => unit.codes),
        set.codes.size,
      );
      const alpha = set.multiple
        ? alphaWithDistance(coincidences, (c, k) =>
            masiDistance(set.answers[c] ?? [], set.answers[k] ?? []),
          )
        : nominalAlpha(coincidences);
      const complete = set.units.filter((unit) => unit.codes.length === this.annotators.length);
      return {
        set: set.name,
        multiple: set.multiple,
        alpha,
        distance: set.multiple ? "masi" : "nominal",
        units: set.units.length,
        cohenKappa: set.multiple ? [] : this.cohenPairs(set),
        fleissKappa:
          set.multiple || complete.length === 0
            ? null
            : fleissKappa(tallyRatingTable(complete.map((unit) => countCodes(unit, set)))),
        fleissUnits: set.multiple ? 0 : complete.length,
      };
    });
  }

  private cohenPairs(set: LabelSet): DocumentLabelAgreement["cohenKappa"] {
    const pairs: DocumentLabelAgreement["cohenKappa"] = [];
    const categories = set.codes.size;
    this.annotators.forEach((nameA, a) =>
      this.annotators.forEach((nameB, b) => {
        if (b <= a) return;
        const tally: CohenTally = {
          items: 0,
          agreements: 0,
          marginalsA: new Array<number>(categories).fill(0),
          marginalsB: new Array<number>(categories).fill(0),
        };
        for (const { annotators, codes } of set.units) {
          const codeA = codes[annotators.indexOf(a)];
          const codeB = codes[annotators.indexOf(b)];
          if (codeA === undefined || codeB === undefined) continue;
          tally.items++;
          if (codeA === codeB) tally.agreements++;
          tally.marginalsA[codeA] = (tally.marginalsA[codeA] as number) + 1;
          tally.marginalsB[codeB] = (tally.marginalsB[codeB] as number) + 1;
        }
        if (tally.items > 0) {
          pairs.push({ a: nameA, b: nameB, kappa: cohenKappa(tally), documents: tally.items });
        }
      }),
    );
    return pairs;
  }
}

function codeOf(set: LabelSet, chosen: string[]): number {
  const key = JSON.stringify(chosen);
  const known = set.codes.get(key);
  if (known !== undefined) return known;
  set.codes.set(key, set.answers.length);
  set.answers.push(chosen);
  return set.answers.length - 1;
}

/** A unit as a Fleiss table row: how many of its raters gave each code. */
function countCodes(unit: Unit, set: LabelSet): number[] {
  const row = new Array<number>(set.codes.size).fill(0);
  for (const code of unit.codes) row[code] = (row[code] as number) + 1;
  return row;
}
