import type { SpanAttributes } from "../span-details";
import type { Span } from "../spans";

/**
 * What agreement is computed from: a project's labels and, per document, only the SUBMITTED
 * annotations (the caller filters out work in progress). The annotators of the project, for
 * agreement, are those with at least one submitted annotation in it.
 */
export type AgreementInput = {
  labels: string[];
  /** The project's scheme beyond its labels; absent, the project has none. */
  scheme?: AgreementScheme;
  documents: AgreementDocument[];
};

/** What the structure metrics need to know of a project's scheme, by name. */
export type AgreementScheme = {
  relationTypes: { name: string; directed: boolean }[];
  attributes: { label: string; name: string; kind: "boolean" | "choice" | "text" }[];
  documentLabelSets: { name: string; multiple: boolean }[];
};

export type AgreementDocument = {
  id: number;
  text: string;
  annotations: SubmittedAnnotation[];
};

export type SubmittedAnnotation = {
  annotator: string;
  spans: AgreementSpan[];
  relations?: AgreementRelation[];
  /** The document labels chosen: option names by set name. */
  choices?: Record<string, string[]>;
};

export type AgreementSpan = Span & { attributes?: SpanAttributes };

/** A relation by its type's name and its ends' content. */
export type AgreementRelation = { type: string; source: Span; target: Span };

/** Every value that cannot be defined (nothing to compare, zero denominator) is null, never 0 or 1. */
export type ProjectAgreement = {
  /** Sorted by name (UTF-16 code unit order, as `Array.prototype.sort`); pairs list the earlier as `a`. */
  annotators: string[];
  token: TokenAgreement;
  span: SpanAgreement;
  relations: RelationAgreement;
  /** One row per boolean or choice attribute of the scheme, in scheme order. */
  attributes: AttributeAgreement[];
  /** One row per document label set of the scheme, in scheme order. */
  documentLabels: DocumentLabelAgreement[];
  /** Documents with at least two submissions, in input order. */
  documents: DocumentAgreement[];
};

export type TokenAgreement = {
  krippendorffAlpha: number | null;
  /** Tokens with at least two values (pairable units). */
  alphaUnits: number;
  fleissKappa: number | null;
  /** Tokens of the documents submitted by every annotator (0 with fewer than two annotators). */
  fleissUnits: number;
  cohenKappa: PairKappa[];
  /** Label vs. every other value, for each label with at least one submitted span. */
  perLabelAlpha: { label: string; alpha: number | null }[];
  /**
   * `counts[i][j]`: ordered annotator pairs (both orders of each pair, so the matrix is symmetric)
   * in which the first gave a token `labels[i]` and the second `labels[j]`, over the documents both
   * submitted. `labels`: "O", then the labels with at least one submitted span.
   */
  confusion: { labels: string[]; counts: number[][] };
};

export type PairKappa = { a: string; b: string; kappa: number | null; tokens: number };

export type SpanAgreement = {
  pairs: PairSpanF1[];
  /** Labels with at least one submitted span, in project order. */
  perLabel: LabelSpanF1[];
};

export type PairSpanF1 = {
  a: string;
  b: string;
  exactF1: number | null;
  relaxedF1: number | null;
  /** Documents both submitted. */
  documents: number;
};

export type LabelSpanF1 = {
  label: string;
  /** Micro-averaged over every pair of annotators. */
  exactF1: number | null;
  /** Spans of this label per annotator, over all their submitted documents. */
  counts: Record<string, number>;
};

export type DocumentAgreement = { id: number; annotators: number; alpha: number | null };

export type RelationAgreement = {
  pairs: PairRelationF1[];
  /** Relation types with at least one submitted relation, in scheme order. */
  perType: TypeRelationF1[];
};

export type PairRelationF1 = {
  a: string;
  b: string;
  /** Same type and the same end spans (start, end and label); undirected types in either order. */
  exactF1: number | null;
  /** Same type, each end overlapping a same-label end of the other, as relaxed span F1 matches. */
  relaxedF1: number | null;
  /** Relations of a and b over the documents both submitted. */
  relations: number;
  documents: number;
};

export type TypeRelationF1 = {
  type: string;
  /** Micro-averaged over every pair of annotators. */
  exactF1: number | null;
  /** Relations of this type per annotator, over all their submitted documents. */
  counts: Record<string, number>;
};

export type AttributeAgreement = {
  label: string;
  attribute: string;
  kind: "boolean" | "choice";
  /** Krippendorff's alpha (nominal), an unset value counting as a value of its own. */
  alpha: number | null;
  /** Spans (same start, end and label) marked by two or more annotators of a document. */
  units: number;
};

export type DocumentLabelAgreement = {
  set: string;
  multiple: boolean;
  /** Krippendorff's alpha: nominal for a single-choice set, with MASI distance for multi-choice. */
  alpha: number | null;
  distance: "nominal" | "masi";
  /** Documents that two or more annotators answered (chose at least one option of the set). */
  units: number;
  /** Single-choice sets only (empty for multi-choice): each pair over the documents both answered. */
  cohenKappa: { a: string; b: string; kappa: number | null; documents: number }[];
  /** Single-choice sets only (null for multi-choice): over documents every annotator answered. */
  fleissKappa: number | null;
  fleissUnits: number;
};
