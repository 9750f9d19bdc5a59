import { describe, expect, it } from "vitest";
import { detectTextDirection, resolveDocumentLanguage } from "./text-direction";

const arabic = "قالت الوكالة إن الوفد وصل، وأكدت وكالة AP الخبر.";
const hebrew = "הנשיא נפגש עם נציגי NATO בירושלים.";
const english = "ACME hired Ann.";

describe("detectTextDirection", () => {
  it.each([
    ["Arabic", arabic, "rtl"],
    ["Hebrew", hebrew, "rtl"],
    ["Persian", "سازمان ملل متحد", "rtl"],
    ["English", english, "ltr"],
    ["Chinese", "代表团明天将前往北京。", "ltr"],
    ["Russian", "Москва", "ltr"],
    ["Hindi", "मुलाक़ात", "ltr"],
    ["Arabic after digits and punctuation", "2024 - «الخبر»", "rtl"],
    ["English after Arabic-Indic digits", "١٢٣ apples", "ltr"],
    ["a Latin word first, then Arabic", "AP: وأكدت وكالة", "ltr"],
    ["a right-to-left mark first", "\u200F2024 AP", "rtl"],
    ["no letters at all", "2024-05-01 ...", "ltr"],
    ["nothing", "", "ltr"],
  ] as const)("%s runs %s", (_, text, dir) => {
    expect(detectTextDirection(text)).toBe(dir);
  });
});

describe("resolveDocumentLanguage", () => {
  it.each([
    ["no meta: the text decides", {}, arabic, { lang: "", dir: "rtl" }],
    ["no meta, English", {}, english, { lang: "", dir: "ltr" }],
    ["lang alone: its script's way", { lang: "he" }, english, { lang: "he", dir: "rtl" }],
    [
      "lang in another case, canonicalized",
      { lang: "AR-eg" },
      arabic,
      { lang: "ar-EG", dir: "rtl" },
    ],
    [
      "a script subtag wins over the language's usual one",
      { lang: "az-Arab" },
      english,
      { lang: "az-Arab", dir: "rtl" },
    ],
    [
      "a Latin transliteration of Arabic",
      { lang: "ar-Latn" },
      arabic,
      { lang: "ar-Latn", dir: "ltr" },
    ],
    ["a left-to-right language", { lang: "ja" }, arabic, { lang: "ja", dir: "ltr" }],
    ["dir wins over lang", { lang: "ar", dir: "ltr" }, arabic, { lang: "ar", dir: "ltr" }],
    ["dir alone", { dir: "rtl" }, english, { lang: "", dir: "rtl" }],
    [
      "dir auto lets the text decide despite lang",
      { lang: "en", dir: "auto" },
      hebrew,
      { lang: "en", dir: "rtl" },
    ],
    [
      "undetermined language: the text decides",
      { lang: "und" },
      hebrew,
      { lang: "und", dir: "rtl" },
    ],
    ["a malformed tag is no language", { lang: "not a tag!" }, hebrew, { lang: "", dir: "rtl" }],
    ["a non-string lang is ignored", { lang: 42 }, english, { lang: "", dir: "ltr" }],
    [
      "an unknown dir is ignored",
      { lang: "fa", dir: "sideways" },
      english,
      { lang: "fa", dir: "rtl" },
    ],
  ] as const)("%s", (_, meta, text, expected) => {
    expect(resolveDocumentLanguage(meta, text)).toEqual(expected);
  });
});
