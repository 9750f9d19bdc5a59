/**
 * Distinct default label colours (Tableau 10 light variants): pale enough that black text on them
 * stays readable, far enough apart to tell labels apart at a glance.
 */
const palette = [
  "#a0cbe8",
  "#ffbe7d",
  "#8cd17d",
  "#ff9d9a",
  "#d4a6c8",
  "#f1ce63",
  "#86bcb6",
  "#d7b5a6",
  "#fabfd2",
  "#bab0ac",
] as const;

export function defaultLabelColor(position: number): string {
  return palette[position % palette.length] as string;
}

/** Labels 1 to 9 get the digit keys, in order; later labels have none until someone picks one. */
export function defaultLabelHotkey(position: number): string | null {
  return position < 9 ? String(position + 1) : null;
}

/** "O" means "outside any span" in token-level formats, so it can never name a label. */
export function findLabelNameProblem(name: string): string | null {
  if (name.trim() === "") return "label name is empty";
  if (name !== name.trim()) return `label "${name}" has leading or trailing spaces`;
  if (name === "O") return 'label "O" is reserved for tokens outside any span';
  return null;
}
