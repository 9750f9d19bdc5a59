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

/**
 * Hotkeys in the order labels get them: the digits, then the letter keys row by row. J, K and N
 * are left out because the annotation page uses them to move between documents.
 */
export const labelHotkeys = [..."123456789", ..."qwertyuiop", ..."asdfghl", ..."zxcvbm"];

/** The label at `position` gets the hotkey at that position; labels past the list get none. */
export function defaultLabelHotkey(position: number): string | null {
  return labelHotkeys[position] ?? null;
}

/**
 * Gives every label without a hotkey the first one no other label has, in label order, so that
 * projects whose labels predate the letter hotkeys can still tag every label from the keyboard.
 */
export function fillLabelHotkeys<T extends { hotkey: string | null }>(labels: readonly T[]): T[] {
  const taken = new Set(labels.map((label) => label.hotkey));
  const free = labelHotkeys.filter((key) => !taken.has(key));
  return labels.map((label) => (label.hotkey ? label : { ...label, hotkey: free.shift() ?? null }));
}

/** "O" means "outside any span" in token-level formats, so it can never name a label. */
export function findLabelNameProblem(name: string): string | null {
  if (name.trim() === "") return "label name is empty";
  if (name !== name.trim()) return `label "${name}" has leading or trailing spaces`;
  if (name === "O") return 'label "O" is reserved for tokens outside any span';
  return null;
}
