/**
 * Which language a document is in and which way its text runs, for every place that shows it (the
 * text pane, the span list, curation, the import preview) and for the word segmenter (words.ts).
 *
 * A document's meta may say so: `lang` (a BCP 47 tag such as "ar" or "zh-Hant") and `dir`
 * ("ltr", "rtl", or "auto" to let the text decide). A `lang` without `dir` runs the way its
 * script does. With neither, the text decides as HTML's `dir="auto"` would over the whole
 * document: by its first strongly directional character. Deciding over the whole text, rather
 * than leaving `dir="auto"` to the browser, keeps a long document's direction the same whichever
 * part of it is on the page, and tells the arrow keys which way is forward.
 */
export type TextDirection = "ltr" | "rtl";

/** `lang` is "" when unknown: HTML's way of saying so, rather than inheriting the page's. */
export type DocumentLanguage = { lang: string; dir: TextDirection };

/** ISO 15924 codes of the scripts written right to left that locales name. */
const rightToLeftScripts = new Set([
  "Adlm",
  "Arab",
  "Aran",
  "Hebr",
  "Mand",
  "Nkoo",
  "Rohg",
  "Samr",
  "Syrc",
  "Thaa",
]);

// HTML's "auto" looks for the first character of bidi class L, R or AL; JavaScript regular
// expressions know no bidi classes, so letters stand for them, with the three directional marks.
const strong = /[\p{L}\u200E\u200F\u061C]/u;
const rightToLeft =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\u200F\u061C]/u;

export function resolveDocumentLanguage(
  meta: Readonly<Record<string, unknown>>,
  text: string,
): DocumentLanguage {
  const locale = parseLocale(meta.lang);
  const lang = locale?.toString() ?? "";
  if (meta.dir === "ltr" || meta.dir === "rtl") return { lang, dir: meta.dir };
  const fromLocale = meta.dir === "auto" ? undefined : directionOfLocale(locale);
  return { lang, dir: fromLocale ?? detectTextDirection(text) };
}

/** The direction of the first strongly directional character, left to right if there is none. */
export function detectTextDirection(text: string): TextDirection {
  const at = text.search(strong);
  if (at < 0) return "ltr";
  return rightToLeft.test(String.fromCodePoint(text.codePointAt(at) ?? 0)) ? "rtl" : "ltr";
}

function parseLocale(tag: unknown): Intl.Locale | undefined {
  if (typeof tag !== "string" || tag.trim() === "") return undefined;
  try {
    return new Intl.Locale(tag.trim());
  } catch {
    return undefined;
  }
}

/** The direction of the locale's script, named or likely ("ar" is written in Arabic script). */
function directionOfLocale(locale: Intl.Locale | undefined): TextDirection | undefined {
  if (!locale) return undefined;
  // "und" maximizes to English: an undetermined language says nothing about its script. (Some
  // runtimes give "und" as its language, others none.)
  const known = locale.language !== undefined && locale.language !== "und";
  const script = locale.script ?? (known ? locale.maximize().script : undefined);
  if (!script) return undefined;
  return rightToLeftScripts.has(script) ? "rtl" : "ltr";
}
