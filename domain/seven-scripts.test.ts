import { describe, expect, it } from "vitest";
import { splitsCharacter } from "./graphemes";
import { findOccurrences, findTaggableOccurrences } from "./text-search";
import { snapToTokens, tokenFrom } from "./token-boundaries";
import { graphemeBoundaries, sevenScriptDocuments } from "./test-support/seven-scripts";

const documents = sevenScriptDocuments();
const langOf = (meta: Record<string, unknown>) =>
  typeof meta.lang === "string" ? meta.lang : undefined;

describe.each(documents.map((document) => [document.meta.lang, document] as const))(
  "the %s document",
  (_, document) => {
    const { text } = document;
    const lang = langOf(document.meta);
    const spans = document.annotations.flatMap((annotation) => annotation.spans);
    const boundaries = graphemeBoundaries(text);

    it("has a span on every entity, each one a word the snapping keeps as it is", () => {
      expect(spans.length).toBeGreaterThan(0);
      for (const span of spans) {
        expect(snapToTokens(text, span.start, span.end, lang)).toEqual({
          start: span.start,
          end: span.end,
        });
      }
    });

    it("lets tag-all find every entity again", () => {
      for (const span of spans) {
        const query = text.slice(span.start, span.end);
        const found = findOccurrences(text, query, { matchCase: true });
        const taggable = findTaggableOccurrences(text, found, [], { wholeTokens: true, lang });
        expect(taggable).toContainEqual({ start: span.start, end: span.end });
      }
    });

    it("moves the word cursor only between whole characters", () => {
      const stops: number[] = [];
      for (let token = tokenFrom(text, 0, lang); token; token = tokenFrom(text, token.end, lang)) {
        stops.push(token.start, token.end);
      }
      expect(stops.length).toBeGreaterThan(4);
      for (const stop of stops) expect(boundaries.has(stop), `offset ${stop}`).toBe(true);
    });

    it("agrees with segmenting the whole text at every offset", () => {
      for (let offset = 0; offset <= text.length; offset++) {
        expect(splitsCharacter(text, offset), `offset ${offset}`).toBe(!boundaries.has(offset));
      }
    });
  },
);
