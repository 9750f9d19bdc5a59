import { DomainError } from "./errors";

/**
 * The one permission model of Concord: what a member may do, from their role and the project's
 * settings. The procedure builders, the services, the HTTP routes and the client's navigation all
 * read it, so a rule changed here changes everywhere at once.
 */
export type Role = "owner" | "annotator" | "reviewer";

/** What a role may do whatever the project's settings. */
export type RoleCapabilities = {
  /** Keep an annotation layer of one's own and submit it. */
  annotate: boolean;
  /** Agreement, disagreements, curation and the gold layer. */
  review: boolean;
  importDocuments: boolean;
  /** Export every layer and gold; without it, only one's own layer. */
  exportAnySource: boolean;
  /** Settings, labels, members, guidelines and assignment. */
  manageProject: boolean;
};

export type ProjectPolicy = {
  /** Annotators neither see nor fetch each other's spans or progress. */
  blindAnnotation: boolean;
  /** The project hands out work: annotators then reach only their queue. */
  usesAssignments: boolean;
};

export type Capabilities = RoleCapabilities & {
  /** Progress per annotator: who finished what. */
  seeProgress: boolean;
  /** Which documents the member reaches: all of them, or their queue (and what they worked on). */
  documents: "all" | "queue";
};

/** The capabilities a refusal can name, each with the message a refused member reads. */
export type Capability = Exclude<keyof Capabilities, "documents">;

const byRole: Record<Role, RoleCapabilities> = {
  owner: {
    annotate: true,
    review: true,
    importDocuments: true,
    exportAnySource: true,
    manageProject: true,
  },
  reviewer: {
    annotate: false,
    review: true,
    importDocuments: false,
    exportAnySource: true,
    manageProject: false,
  },
  annotator: {
    annotate: true,
    review: false,
    importDocuments: false,
    exportAnySource: false,
    manageProject: false,
  },
};

export const refusals: Record<Capability, string> = {
  annotate: "a reviewer cannot annotate in this project: only annotators and owners do",
  review: "only reviewers and owners can review this project",
  importDocuments: "only the project's owners can import documents",
  exportAnySource: "an annotator can export only their own annotations",
  manageProject:
    "only the project's owners can change its settings, labels, members and assignments",
  seeProgress: "blind annotation: other annotators' progress is hidden",
};

/** For callers that hold only a role: these capabilities do not depend on the project's settings. */
export function roleCapabilities(role: Role): RoleCapabilities {
  return byRole[role];
}

export function capabilitiesOf(role: Role, policy: ProjectPolicy): Capabilities {
  const own = byRole[role];
  return {
    ...own,
    seeProgress: own.review || !policy.blindAnnotation,
    documents: own.review || !policy.usesAssignments ? "all" : "queue",
  };
}

/** FORBIDDEN, with the capability's one message, unless the member has it. */
export function assertCapable<C extends Capability>(
  capabilities: Record<C, boolean>,
  capability: C,
): void {
  if (!capabilities[capability]) throw new DomainError("FORBIDDEN", refusals[capability]);
}

/** Whose layer an export reads: every layer and gold, or one annotator's by name. */
export type ExportedLayers =
  { kind: "all" } | { kind: "gold" } | { kind: "annotator"; name: string };

/** A member without `exportAnySource` exports only the layer carrying their own name. */
export function assertMayExport(
  capabilities: Pick<RoleCapabilities, "exportAnySource">,
  source: ExportedLayers,
  ownName: string,
): void {
  if (capabilities.exportAnySource) return;
  if (source.kind === "annotator" && source.name === ownName) return;
  throw new DomainError("FORBIDDEN", `${refusals.exportAnySource} (source annotator:${ownName})`);
}
