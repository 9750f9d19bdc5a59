/** The fields of a scheme row a refusal can point at. */
export type SchemeField = "name" | "color" | "hotkey" | "options" | "labels" | "row";

/**
 * Which field a refusal is about, from the words the server's message starts with (each names
 * its field: `hotkey “r” is already used…`, `relation type name “x” is already used`), so the
 * message shows next to that field.
 */
export function fieldOfError(message: string): SchemeField {
  if (/\bhotkey\b/.test(message)) return "hotkey";
  if (/^colour\b/.test(message)) return "color";
  if (/^label \d+ is not/.test(message) || /which it would no longer allow$/.test(message)) {
    return "labels";
  }
  if (/^option\b|a choice|option “|^document label (name|of)\b/.test(message)) return "options";
  if (/\bname\b/.test(message)) return "name";
  return "row";
}
