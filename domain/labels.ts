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

/** Keys the annotation page keeps for navigation and commands; labels cannot take them. */
export const reservedKeys = ["j", "k", "n", "g", "?", "/", "[", "]"] as const;

export function findHotkeyProblem(hotkey: string): string | null {
  if (!/^[0-9a-z]$/.test(hotkey)) return `hotkey "${hotkey}" must be one digit or lowercase letter`;
  if (hotkey === "0") return 'hotkey "0" is not used: labels take 1 to 9, then letters';
  if ((reservedKeys as readonly string[]).includes(hotkey)) {
    return `hotkey "${hotkey}" is kept for navigation on the annotation page`;
  }
  return null;
}

export function findColorProblem(color: string): string | null {
  return /^#[0-9a-f]{6}$/i.test(color) ? null : `colour "${color}" must look like #a0cbe8`;
}

/**
 * Black or white, whichever contrasts more with the label's colour (WCAG 2.1 relative luminance
 * and contrast ratio), so a label's text stays readable whatever colour it is given.
 */
export function readableTextColor(background: string): "#000000" | "#ffffff" {
  const channels = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  const againstBlack = (luminance + 0.05) / 0.05;
  const againstWhite = 1.05 / (luminance + 0.05);
  return againstBlack >= againstWhite ? "#000000" : "#ffffff";
}
