import { DomainError } from "../errors";
import { tokenize } from "../tokenize";
import { AttributeAgreementTally } from "./attribute-agreement";
import { DocumentLabelAgreementTally } from "./document-label-agreement";
import { createLabelCodes } from "./label-codes";
import { RelationAgreementTally } from "./relation-agreement";
import { SpanAgreementTally } from "./span-agreement";
import { TokenAgreementTally } from "./token-agreement";
import { labelTokens } from "./token-labels";
import type {
  AgreementDocument,
  AgreementInput,
  DocumentAgreement,
  ProjectAgreement,
} from "./types";

/**
 * Every agreement figure of a project in one pass over its documents: token-level Krippendorff's
 * alpha (overall, per label, per document), Fleiss' and Cohen's kappa, a label confusion matrix,
 * span-level exact and relaxed F1; and of the structure beyond spans, relation F1, attribute alpha
 * and document-label agreement.
 */
export function computeProjectAgreement(input: AgreementInput): ProjectAgreement {
  const annotators = [
    ...new Set(input.documents.flatMap((document) => document.annotations.map((a) => a.annotator))),
  ].sort();
  const annotatorIndex = new Map(annotators.map((name, i) => [name, i]));
  const labelCodes = createLabelCodes(input.labels);
  const tokenTally = new TokenAgreementTally(annotators.length, labelCodes.names.length);
  const spanTally = new SpanAgreementTally(annotators, labelCodes);
  const scheme = input.scheme ?? { relationTypes: [], attributes: [], documentLabelSets: [] };
  const relationTally = new RelationAgreementTally(annotators, scheme.relationTypes);
  const attributeTally = new AttributeAgreementTally(scheme.attributes);
  const documentLabelTally = new DocumentLabelAgreementTally(annotators, scheme.documentLabelSets);
  const documents: DocumentAgreement[] = [];

  for (const document of input.documents) {
    assertOneSubmissionPerAnnotator(document);
    const submissions = document.annotations
      .map(({ annotator, spans, relations = [], choices }) => ({
        annotator: annotatorIndex.get(annotator) as number,
        spans,
        relations,
        choices,
      }))
      .sort((a, b) => a.annotator - b.annotator);
    spanTally.addDocument(submissions);
    relationTally.addDocument(submissions);
    attributeTally.addDocument(submissions);
    documentLabelTally.addDocument(submissions);
    if (submissions.length < 2) continue;
    // Tokenized once per document, labelled once per submission.
    const tokens = tokenize(document.text);
    const alpha = tokenTally.addDocument(
      submissions.map((submission) => submission.annotator),
      submissions.map((submission) => labelTokens(tokens, submission.spans, labelCodes)),
    );
    documents.push({ id: document.id, annotators: submissions.length, alpha });
  }

  return {
    annotators,
    token: tokenTally.result(annotators, labelCodes, spanTally.labelsWithSpans()),
    span: spanTally.result(),
    relations: relationTally.result(),
    attributes: attributeTally.result(),
    documentLabels: documentLabelTally.result(),
    documents,
  };
}

/** The database allows one annotation per annotator and document; a second would count twice. */
function assertOneSubmissionPerAnnotator(document: AgreementDocument) {
  const names = document.annotations.map((annotation) => annotation.annotator);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined) {
    throw new DomainError(
      "BAD_REQUEST",
      `document ${document.id} has two submitted annotations by "${repeated}"`,
    );
  }
}
