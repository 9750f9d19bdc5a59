import { z } from "zod";

type TextFieldOptions = {
  /** Longest value, in characters (code points), as a user counts them. */
  max: number;
  /** Refuse the empty string (after trimming, when trimmed). */
  required?: boolean;
  /** Line breaks and tabs belong in prose (guidelines, descriptions), not in names. */
  multiline?: boolean;
  /** Leading and trailing white space is dropped before the checks. */
  trim?: boolean;
};

// C0 and C1 controls and DEL: invisible, and NUL ends strings in C and in many file formats.
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const controlCharacter = /[\u0000-\u001f\u007f-\u009f]/u;
// With the u flag a lone surrogate is a code point of its own, and only a lone one is \p{Cs}.
const loneSurrogate = /\p{Cs}/u;
const proseWhitespace = new Set(["\t", "\n", "\r"]);

/**
 * The one schema for text a user gives Concord to store and show: a name, a description,
 * guidelines. Refuses control characters and lone surrogates (half an emoji, which no file or
 * database encodes as UTF-8) with a message naming the field, and values over `max`.
 */
export function textField(field: string, options: TextFieldOptions) {
  const { trim = false } = options;
  const base = trim ? z.string().trim() : z.string();
  return base.superRefine((value, context) => {
    const problem = findTextProblem(field, value, options);
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}

/** The same check for text that arrives outside a schema: label names read from import files. */
export function findTextProblem(
  field: string,
  value: string,
  { max, required = false, multiline = false }: TextFieldOptions,
): string | null {
  const characters = [...value];
  const lone = characters.findIndex((c) => loneSurrogate.test(c));
  if (lone >= 0) {
    return `${field} holds half of a character (a lone surrogate) at character ${lone + 1}`;
  }
  const at = characters.findIndex(
    (c) => controlCharacter.test(c) && !(multiline && proseWhitespace.has(c)),
  );
  if (at >= 0) {
    const code = (characters[at] as string).codePointAt(0) ?? 0;
    const name = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    return `${field} holds a control character (${name}) at character ${at + 1}`;
  }
  if (required && characters.length === 0) return `${field} is empty`;
  if (characters.length > max) {
    return `${field} is ${characters.length} characters long: at most ${max}`;
  }
  return null;
}
