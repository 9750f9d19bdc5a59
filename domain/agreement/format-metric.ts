/** An agreement figure for people: three decimals, or "n/a" where it is undefined (never 0 or 1). */
export function formatMetric(value: number | null): string {
  return value === null ? "n/a" : value.toFixed(3);
}
