import { describe, expect, it } from "vitest";
import { documentFromSentences, tagDocument } from "./tagged-text";
import { decodeTags, detectScheme, encodeTags, parseTag, type Tag } from "./tags";

const tags = (...names: string[]) =>
  names.map((name) => {
    const tag = parseTag(name);
    if ("problem" in tag) throw new Error(tag.problem);
    return tag;
  });

describe("decodeTags", () => {
  it.each([
    {
      name: "IOB2",
      tags: ["B-X", "I-X", "O", "B-X", "B-X"],
      entities: [
        [0, 2],
        [3, 4],
        [4, 5],
      ],
    },
    {
      name: "IOB1",
      tags: ["I-X", "I-X", "B-X", "O", "I-Y"],
      entities: [
        [0, 2],
        [2, 3],
        [4, 5],
      ],
    },
    {
      name: "BIOES",
      tags: ["B-X", "I-X", "E-X", "S-X", "O"],
      entities: [
        [0, 3],
        [3, 4],
      ],
    },
    {
      name: "BILUO",
      tags: ["U-X", "B-X", "L-X", "O"],
      entities: [
        [0, 1],
        [1, 3],
      ],
    },
    {
      name: "a label change inside a run",
      tags: ["B-X", "I-Y"],
      entities: [
        [0, 1],
        [1, 2],
      ],
    },
  ])("reads $name as conlleval does", ({ tags: names, entities }) => {
    const decoded = decodeTags(tags(...names)).map((entity) => [entity.first, entity.end]);
    expect(decoded).toEqual(entities);
  });

  it("detects the scheme a sentence shows", () => {
    expect(detectScheme(tags("B-X", "I-X", "O"))).toBe("iob2");
    expect(detectScheme(tags("O", "I-X"))).toBe("iob1");
    expect(detectScheme(tags("B-X", "L-X"))).toBe("bioes");
  });

  it("refuses malformed tags and reserved labels", () => {
    expect(parseTag("B-")).toEqual({ problem: expect.stringMatching(/neither/) });
    expect(parseTag("X-PER")).toEqual({ problem: expect.stringMatching(/neither/) });
    expect(parseTag("I- PER")).toEqual({ problem: expect.stringMatching(/leading or trailing/) });
  });
});

describe("encodeTags", () => {
  it("marks IOB1's B- only between touching entities of one label", () => {
    const entities = [
      { first: 0, end: 1, label: "X" },
      { first: 1, end: 2, label: "X" },
      { first: 2, end: 3, label: "Y" },
    ];
    expect(encodeTags(4, entities, "iob1")).toEqual(["I-X", "B-X", "I-Y", "O"]);
  });
});

describe("tagDocument and documentFromSentences", () => {
  it("splits sentences at line breaks and at final punctuation with its closing quotes", () => {
    const text = 'He said "Go!" Then 2.5 km.\nNext? Yes';
    const sentences = tagDocument(text, [], "iob2").sentences.map((s) => s.tokens.join(" "));
    expect(sentences).toEqual(['He said " Go ! "', "Then 2 . 5 km .", "Next ?", "Yes"]);
  });

  it("rebuilds text with one space between tokens and a line break between sentences", () => {
    const parsed: Tag[][] = [tags("B-X", "O"), tags("O")];
    const { text, spans } = documentFromSentences([
      { tokens: ["李雷", "👍🏽"], tags: parsed[0] ?? [] },
      { tokens: ["e\u0301"], tags: parsed[1] ?? [] },
    ]);
    expect(text).toBe("李雷 👍🏽\ne\u0301");
    expect(spans).toEqual([{ start: 0, end: 2, label: "X" }]);
  });
});
