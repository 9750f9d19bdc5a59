/**
 * MASI, "Measuring Agreement on Set-valued Items" (Passonneau 2006, LREC): the distance between
 * two annotators' sets of labels for one item, 1 − J·M, where J = |A ∩ B| / |A ∪ B| (Jaccard) and
 * M, monotonicity, is 1 when the sets are equal, 2/3 when one is a subset of the other, 1/3 when
 * they overlap otherwise and 0 when they are disjoint. Two empty sets are equal: distance 0.
 */
export function masiDistance(a: readonly string[], b: readonly string[]): number {
  const setA = new Set(a);
  const setB = new Set(b);
  const shared = [...setA].filter((value) => setB.has(value)).length;
  const union = setA.size + setB.size - shared;
  if (union === 0) return 0;
  const monotonicity =
    shared === setA.size && shared === setB.size
      ? 1
      : shared === setA.size || shared === setB.size
        ? 2 / 3
        : shared > 0
          ? 1 / 3
          : 0;
  return 1 - (shared / union) * monotonicity;
}
