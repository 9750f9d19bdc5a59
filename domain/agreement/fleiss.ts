/**
 * Fleiss' kappa (Fleiss 1971, "Measuring nominal scale agreement among many raters",
 * Psychological Bulletin 76(5)): N subjects, each rated by the same number n of raters.
 */

/** Everything Fleiss' kappa needs, summed over subjects so it can be accumulated piecewise. */
export type FleissTally = {
  subjects: number;
  /** Ratings per subject (n). */
  raters: number;
  /** Σ_i Σ_j n_ij (n_ij − 1): ordered pairs of raters agreeing on a subject. */
  agreeingPairs: number;
  /** Σ_i n_ij per category j. */
  categoryTotals: number[];
};

/**
 * kappa = (P̄ − P̄e) / (1 − P̄e), where P̄ = Σ_i Σ_j n_ij (n_ij − 1) / (N n (n − 1)) is the mean
 * agreement per subject and P̄e = Σ_j p_j², p_j = Σ_i n_ij / (N n). Null without subjects, with fewer
 * than two raters, or when every rating falls in one category (P̄e = 1, tested on integers).
 */
export function fleissKappa(tally: FleissTally): number | null {
  const { subjects, raters, agreeingPairs, categoryTotals } = tally;
  const ratings = subjects * raters;
  const sumOfSquaredTotals = categoryTotals.reduce((sum, total) => sum + total * total, 0);
  if (subjects === 0 || raters < 2 || sumOfSquaredTotals === ratings * ratings) return null;
  const observed = agreeingPairs / (ratings * (raters - 1));
  const expected = sumOfSquaredTotals / (ratings * ratings);
  return (observed - expected) / (1 - expected);
}

/** The tally of a table with one row per subject and one column per category, holding n_ij. */
export function tallyRatingTable(table: readonly (readonly number[])[]): FleissTally {
  const raters = table[0]?.reduce((a, b) => a + b, 0) ?? 0;
  const categoryTotals: number[] = [];
  let agreeingPairs = 0;
  for (const row of table) {
    if (row.reduce((a, b) => a + b, 0) !== raters) {
      throw new RangeError("Fleiss' kappa needs the same number of ratings for every subject");
    }
    row.forEach((count, j) => {
      agreeingPairs += count * (count - 1);
      categoryTotals[j] = (categoryTotals[j] ?? 0) + count;
    });
  }
  return { subjects: table.length, raters, agreeingPairs, categoryTotals };
}
