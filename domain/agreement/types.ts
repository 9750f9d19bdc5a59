import type { Span } from "../spans";

/**
 * What agreement is computed from: a project's labels and, per document, only the SUBMITTED
 * annotations (the caller filters out work in progress). The annotators of the project, for
 * agreement, are those with at least one submitted annotation in it.
 */
export type AgreementInput = {
  labels: string[];
  documents: AgreementDocument[];
};

export type AgreementDocument = {
  id: number;
  text: string;
  annotations: SubmittedAnnotation[];
};

export type SubmittedAnnotation = { annotator: string; spans: Span[] };

/** Every value that cannot be defined (nothing to compare, zero denominator) is null, never 0 or 1. */
export type ProjectAgreement = {
  /** Sorted by name (UTF-16 code unit order, as `Array.prototype.sort`); pairs list the earlier as `a`. */
  annotators: string[];
  token: TokenAgreement;
  span: SpanAgreement;
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
