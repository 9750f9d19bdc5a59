import { describe, expect, it } from "vitest";
import { rebaseGoldChange } from "./gold-conflict";

const text = "Russia said troops left. Kyiv agreed.";
// The review as reloaded: another reviewer relabelled "Russia" to LOC meanwhile.
const fresh = {
  document: { id: 1, externalId: "c1", text },
  project: { slug: "p", name: "P", goldAcceptShare: 1, allowOverlap: false },
  labels: [
    { id: 1, name: "GPE", color: "#fff", hotkey: null, description: "" },
    { id: 2, name: "LOC", color: "#fff", hotkey: null, description: "" },
  ],
  annotators: [],
  regions: [],
  gold: {
    status: "in_progress" as const,
    version: 4,
    spans: [{ id: 9, start: 0, end: 6, labelId: 2, attributes: {}, note: "", fragments: [] }],
    relations: [],
    choices: [],
  },
  scheme: { relationTypes: [], attributes: [], documentLabelSets: [] },
} as unknown as Parameters<typeof rebaseGoldChange>[0];

describe("a gold change refused as stale", () => {
  it("keeps the edits that still apply over the fresh gold and names the others", () => {
    const result = rebaseGoldChange(fresh, {
      kind: "edit",
      edits: [
        { kind: "relabel", start: 0, end: 6, from: 1, to: 2 },
        { kind: "add", spans: [{ start: 25, end: 29, labelId: 1 }] },
        { kind: "delete", spans: [{ start: 0, end: 6, labelId: 1 }] },
      ],
    });
    expect(result.edits).toEqual([{ kind: "add", spans: [{ start: 25, end: 29, labelId: 1 }] }]);
    expect(result.notice).toBe(
      "This document changed in another tab or by another person: reloaded it. Deleting “Russia” GPE was not re-applied: it is LOC now.",
    );
  });

  it("does not repeat a decision over gold the reviewer has not seen, and says so", () => {
    const accept = rebaseGoldChange(fresh, {
      kind: "acceptVariant",
      variant: { start: 0, end: 6, labelId: 1 },
    });
    expect(accept.edits).toEqual([]);
    expect(accept.notice).toMatch(
      /Accepting “Russia” GPE was not applied: check the reloaded gold and do it again\.$/,
    );
    const curated = rebaseGoldChange(fresh, { kind: "setGoldStatus", status: "curated" });
    expect(curated.notice).toMatch(/Marking gold curated was not applied/);
  });
});
