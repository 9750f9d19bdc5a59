/**
 * Cohen's kappa for two raters (Cohen 1960, "A coefficient of agreement for nominal scales",
 * Educational and Psychological Measurement 20(1)).
 */

/** Everything Cohen's kappa needs, summed over items so it can be accumulated piecewise. */
export type CohenTally = {
  items: number;
  agreements: number;
  /** Items per category for each rater. */
  marginalsA: number[];
  marginalsB: number[];
};

/**
 * kappa = (p_o − p_e) / (1 − p_e), p_o = agreements / N, p_e = Σ_c (a_c / N)(b_c / N). Multiplied
 * through by N² it stays in integers: (N·agreements − Σ a_c b_c) / (N² − Σ a_c b_c), so p_e = 1
 * (both raters always used one and the same category) is detected exactly and gives null.
 */
export function cohenKappa(tally: CohenTally): number | null {
  const { items, agreements, marginalsA, marginalsB } = tally;
  const chanceAgreements = marginalsA.reduce((sum, a, c) => sum + a * (marginalsB[c] ?? 0), 0);
  const denominator = items * items - chanceAgreements;
  return denominator === 0 ? null : (items * agreements - chanceAgreements) / denominator;
}

/** The tally of a contingency table: rows are rater A's categories, columns rater B's. */
export function tallyContingencyTable(table: readonly (readonly number[])[]): CohenTally {
  const marginalsA = table.map((row) => row.reduce((a, b) => a + b, 0));
  const marginalsB = table.map((_, c) => table.reduce((sum, row) => sum + (row[c] ?? 0), 0));
  const agreements = table.reduce((sum, row, c) => sum + (row[c] ?? 0), 0);
  const items = marginalsA.reduce((a, b) => a + b, 0);
  return { items, agreements, marginalsA, marginalsB };
}
