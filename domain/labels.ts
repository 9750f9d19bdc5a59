import { z } from "zod";
import { contrastRatio, parseHexColor } from "./contrast";
import { findTextProblem } from "./text-field";

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
 * are left out because the annotation page uses them to move between documents, G because it
 * opens the guidelines.
 */
export const labelHotkeys = [..."123456789", ..."qwertyuiop", ..."asdfhl", ..."zxcvbm"];

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

/**
 * Long enough for "GEOPOLITICAL_ENTITY" or "Person (historical)", short enough to sit in the
 * legend, the label menu and the span list; longer names are shown cut with the whole as a tooltip.
 */
export const maxLabelNameLength = 50;

/** A label's tooltip where its name may be cut short: the whole name, then its description. */
export function labelTooltip(label: { name: string; description: string }): string {
  return label.description ? `${label.name}: ${label.description}` : label.name;
}

/** "O" means "outside any span" in token-level formats, so it can never name a label. */
export function findLabelNameProblem(name: string): string | null {
  if (name.trim() === "") return "label name is empty";
  const textProblem = findTextProblem("label name", name, { max: Infinity });
  if (textProblem) return textProblem;
  if (name !== name.trim()) return `label "${name}" has leading or trailing spaces`;
  if (name === "O") return 'label "O" is reserved for tokens outside any span';
  if ([...name].length > maxLabelNameLength) {
    return `label "${[...name].slice(0, 20).join("")}…" is ${[...name].length} characters long: a label name has at most ${maxLabelNameLength}`;
  }
  return null;
}

/** A label name as the API takes it: the same rule, and the same words, as import files get. */
export const labelNameSchema = z.string().superRefine((name, context) => {
  const problem = findLabelNameProblem(name);
  if (problem) context.addIssue({ code: "custom", message: problem });
});

export function findHotkeyProblem(hotkey: string): string | null {
  if (labelHotkeys.includes(hotkey)) return null;
  return `hotkey "${hotkey}" is not free for labels: use a digit 1-9 or a letter other than j, k, n and g`;
}

export function findColorProblem(color: string): string | null {
  return /^#[0-9a-f]{6}$/i.test(color) ? null : `colour "${color}" must look like #a0cbe8`;
}

/**
 * Black or white, whichever contrasts more with the label's colour (WCAG 2.1 relative luminance
 * and contrast ratio), so a label's text stays readable whatever colour it is given.
 */
export function readableTextColor(background: string): "#000000" | "#ffffff" {
  const color = parseHexColor(background);
  const againstBlack = contrastRatio(color, [0, 0, 0]);
  const againstWhite = contrastRatio(color, [255, 255, 255]);
  return againstBlack >= againstWhite ? "#000000" : "#ffffff";
}
