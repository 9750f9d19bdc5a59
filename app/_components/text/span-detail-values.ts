import { contentOf, type DetailedSpan, type SpanEdit } from "@/domain/span-edits";
import type { AttributeValue, SpanDetails } from "@/domain/span-details";

/** A label's attribute as the page shows it: one of the project's scheme. */
export type TextAttribute = {
  id: number;
  labelId: number;
  name: string;
  kind: "boolean" | "choice" | "text";
  options: string[];
  hotkey: string | null;
};

/** The edits of a span's details and range, and of the document's labels. */
export type DetailEdit = Extract<SpanEdit, { kind: "describe" | "resize" | "choose" }>;

/**
 * The value an attribute's key gives next: a flag toggles on and off, a one-of attribute steps
 * through its options and then back to unset, so every state is one key away from the keyboard.
 * A free-text attribute is typed, not stepped: it has no next value.
 */
export function nextAttributeValue(
  attribute: TextAttribute,
  current: AttributeValue | undefined,
): AttributeValue | undefined | null {
  if (attribute.kind === "boolean") return current === true ? undefined : true;
  if (attribute.kind === "text") return null;
  const at = typeof current === "string" ? attribute.options.indexOf(current) : -1;
  return attribute.options[at + 1];
}

/** The describe edit that sets (or, with `undefined` or "", unsets) one attribute of a span. */
export function setAttributeEdit(
  span: DetailedSpan,
  name: string,
  value: AttributeValue | undefined,
): DetailEdit | null {
  const { [name]: current, ...others } = span.attributes ?? {};
  if (current === value) return null;
  const unset = value === undefined || value === "";
  if (unset && current === undefined) return null;
  const attributes = unset ? others : { ...span.attributes, [name]: value };
  return {
    kind: "describe",
    span: contentOf(span),
    from: { attributes: span.attributes ?? {} },
    to: { attributes },
  };
}

/** The describe edit that replaces a span's note; none when it would not change. */
export function setNoteEdit(span: DetailedSpan, note: string): DetailEdit | null {
  const trimmed = note.trim();
  if (trimmed === (span.note ?? "")) return null;
  return {
    kind: "describe",
    span: contentOf(span),
    from: { note: span.note ?? "" },
    to: { note: trimmed },
  };
}

/**
 * A span's details in words, as its marker's description and in the span list: "negated,
 * certainty high, has a note". Empty for a span with none.
 */
export function describeDetails(span: Partial<SpanDetails>): string {
  const parts = Object.entries(span.attributes ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .flatMap(([name, value]) => {
      if (value === true) return [name];
      if (value === false || value === "") return [];
      return [`${name} ${value}`];
    });
  if (span.note) parts.push("has a note");
  return parts.join(", ");
}

/** The attributes a span of this label may carry, in the scheme's order. */
export function attributesOfLabel(
  attributes: readonly TextAttribute[],
  labelId: number,
): TextAttribute[] {
  return attributes.filter((attribute) => attribute.labelId === labelId);
}
