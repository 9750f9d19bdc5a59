/** “the text” of a range, shortened in the middle when long. */
export function quote(text: string, range: { start: number; end: number }): string {
  const covered = text.slice(range.start, range.end);
  const shown = covered.length > 40 ? `${covered.slice(0, 20)}…${covered.slice(-16)}` : covered;
  return `“${shown}”`;
}

/** A label's name, or what stands for it when the project does not have it. */
export function labelName(labels: ReadonlyMap<number, string>, labelId: number): string {
  return labels.get(labelId) ?? `label ${labelId}`;
}
