import { describe, expect, it } from "vitest";
import { DomainError } from "./errors";
import {
  assertCapable,
  assertMayExport,
  capabilitiesOf,
  refusals,
  type Capabilities,
  type ProjectPolicy,
  type Role,
} from "./permissions";

const policies: Record<string, ProjectPolicy> = {
  "blind, no assignments": { blindAnnotation: true, usesAssignments: false },
  "blind, assignments": { blindAnnotation: true, usesAssignments: true },
  "open, no assignments": { blindAnnotation: false, usesAssignments: false },
  "open, assignments": { blindAnnotation: false, usesAssignments: true },
};

// The README's promises, written out: owner everything; annotator their documents; reviewer
// everyone's work, gold and agreement; progress hidden from annotators only under blind annotation.
const expected: [Role, keyof typeof policies, Capabilities][] = [
  ...Object.keys(policies).map((policy): [Role, string, Capabilities] => [
    "owner",
    policy,
    {
      annotate: true,
      review: true,
      importDocuments: true,
      exportAnySource: true,
      manageProject: true,
      seeProgress: true,
      documents: "all",
    },
  ]),
  ...Object.keys(policies).map((policy): [Role, string, Capabilities] => [
    "reviewer",
    policy,
    {
      annotate: false,
      review: true,
      importDocuments: false,
      exportAnySource: true,
      manageProject: false,
      seeProgress: true,
      documents: "all",
    },
  ]),
  ...(
    [
      ["blind, no assignments", false, "all"],
      ["blind, assignments", false, "queue"],
      ["open, no assignments", true, "all"],
      ["open, assignments", true, "queue"],
    ] as const
  ).map(([policy, seeProgress, documents]): [Role, string, Capabilities] => [
    "annotator",
    policy,
    {
      annotate: true,
      review: false,
      importDocuments: false,
      exportAnySource: false,
      manageProject: false,
      seeProgress,
      documents,
    },
  ]),
];

describe("capabilitiesOf", () => {
  it.each(expected)("%s in a project %s", (role, policy, capabilities) => {
    expect(capabilitiesOf(role, policies[policy] as ProjectPolicy)).toEqual(capabilities);
  });

  it("covers every role under every policy", () => {
    expect(expected).toHaveLength(3 * Object.keys(policies).length);
  });
});

describe("assertCapable", () => {
  const annotator = capabilitiesOf("annotator", policies["blind, no assignments"] as ProjectPolicy);

  it("passes a capability the member has", () => {
    expect(() => assertCapable(annotator, "annotate")).not.toThrow();
  });

  it.each(["review", "importDocuments", "manageProject", "seeProgress"] as const)(
    "refuses %s with its one message",
    (capability) => {
      expect(() => assertCapable(annotator, capability)).toThrowError(
        new DomainError("FORBIDDEN", refusals[capability]),
      );
    },
  );
});

describe("assertMayExport", () => {
  const own = { exportAnySource: false };
  const any = { exportAnySource: true };

  it.each([
    [any, { kind: "all" } as const, true],
    [any, { kind: "gold" } as const, true],
    [any, { kind: "annotator", name: "bob" } as const, true],
    [own, { kind: "annotator", name: "ann" } as const, true],
    [own, { kind: "annotator", name: "bob" } as const, false],
    [own, { kind: "all" } as const, false],
    [own, { kind: "gold" } as const, false],
  ])("%o exporting %o as ann: allowed %s", (capabilities, source, allowed) => {
    const call = () => assertMayExport(capabilities, source, "ann");
    if (allowed) expect(call).not.toThrow();
    else expect(call).toThrowError(/only their own annotations \(source annotator:ann\)/);
  });
});
