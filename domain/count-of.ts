/**
 * "1 span", "2 spans", "0 documents": the one place a count meets its noun, so no page says
 * "1 spans". Pass the plural when adding "s" is wrong ("1 match", "2 matches").
 */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}
