/**
 * Krippendorff's alpha for nominal data, in the coincidence-matrix formulation of Krippendorff
 * (2011), "Computing Krippendorff's Alpha-Reliability", section C (nominal data, any number of
 * observers, missing values).
 */
import { addToCell, cellOf, createCountMatrix, rowSums, type CountMatrix } from "./count-matrix";

/**
 * The coincidence matrix of a set of units, each unit given as the category codes of the values it
 * received (missing values simply left out). Each ordered pair of values from different observers
 * in unit u adds 1 / (m_u − 1) to o_ck, where m_u is the number of values in u; units with fewer
 * than two values are not pairable and add nothing.
 */
export function coincidencesOfUnits(
  units: readonly (readonly number[])[],
  categories: number,
): CountMatrix {
  const coincidences = createCountMatrix(categories);
  for (const values of units) {
    if (values.length < 2) continue;
    const weight = 1 / (values.length - 1);
    values.forEach((c, i) =>
      values.forEach((k, j) => {
        if (i !== j) addToCell(coincidences, c, k, weight);
      }),
    );
  }
  return coincidences;
}

/**
 * alpha = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k, with n_c the row sums of the coincidence
 * matrix and n their total. Null when the expected disagreement is zero: no pairable values, or all
 * of them in one category (expected agreement of 1).
 */
export function nominalAlpha(coincidences: CountMatrix): number | null {
  return alphaWithDistance(coincidences, nominalDistance);
}

const nominalDistance = (c: number, k: number) => (c === k ? 0 : 1);

/**
 * alpha = 1 − (n − 1) · Σ o_ck·δ_ck / Σ n_c·n_k·δ_ck for any distance δ between categories with
 * δ_cc = 0 (nominal data has δ = 0 or 1; MASI gives set-valued data
 * its distance): the general form of alpha in Krippendorff 2011. Null when the expected
 * disagreement is zero.
 *
 * Both sums are taken literally over c ≠ k rather than as n − Σ o_cc and n² − Σ n_c²: with a
 * single category every product is then exactly zero, so rounding cannot turn "undefined" into 1.
 */
export function alphaWithDistance(
  coincidences: CountMatrix,
  distance: (c: number, k: number) => number,
): number | null {
  const totals = rowSums(coincidences);
  let observed = 0;
  let expected = 0;
  let n = 0;
  totals.forEach((nc, c) => {
    n += nc;
    totals.forEach((nk, k) => {
      if (c === k) return;
      const delta = distance(c, k);
      observed += cellOf(coincidences, c, k) * delta;
      expected += nc * nk * delta;
    });
  });
  return expected === 0 ? null : 1 - ((n - 1) * observed) / expected;
}

/**
 * Alpha of one category against everything else, as if every value had been recoded to
 * "category" or "other". Recoding merges rows and columns, so the recoded 2×2 coincidence matrix is
 * a sum of cells of the full one: no second pass over the units is needed.
 */
export function categoryAlpha(coincidences: CountMatrix, category: number): number | null {
  const binary = createCountMatrix(2);
  const recode = (code: number) => (code === category ? 0 : 1);
  for (let c = 0; c < coincidences.size; c++) {
    for (let k = 0; k < coincidences.size; k++) {
      addToCell(binary, recode(c), recode(k), cellOf(coincidences, c, k));
    }
  }
  return nominalAlpha(binary);
}
