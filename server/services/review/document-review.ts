import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/open-database";
import { goldRejections } from "@/db/schema";
import { findRegions } from "@/domain/review/disagreements";
import { spansOverlap } from "@/domain/spans";
import { resolveDocumentLanguage } from "@/domain/text-direction";
import type { DocumentAccess } from "../access";
import { listLabels } from "../projects";
import { listLayerSpans } from "../span-layer";
import { findGoldAnnotation } from "./gold";
import { loadSubmittedSpans } from "./submissions";

/**
 * The diff and curation view of one document: every submitting annotator's spans, the regions
 * where they meet (and how they differ), and the gold layer with which regions it has settled.
 */
export function getDocumentReview(db: Queryable, { document, project }: DocumentAccess) {
  const documentId = document.id;
  const labels = listLabels(db, project.id);
  const labelIds = new Map(labels.map((label) => [label.name, label.id]));
  const { annotators, spansByDocument } = loadSubmittedSpans(db, { documentId });
  const names = [...(annotators.get(documentId) ?? [])].sort();
  const spans = spansByDocument.get(documentId) ?? [];

  const gold = findGoldAnnotation(db, documentId);
  const goldSpans = gold ? listLayerSpans(db, gold.id) : [];
  const rejected = gold
    ? db
        .select({ start: goldRejections.start, end: goldRejections.end })
        .from(goldRejections)
        .where(eq(goldRejections.annotationId, gold.id))
        .all()
    : [];

  const regions = findRegions(spans, names.length).map((region) => ({
    ...region,
    variants: region.variants.map((variant) => ({
      ...variant,
      labelId: labelIds.get(variant.label) ?? null,
      inGold: goldSpans.some(
        (g) =>
          g.start === variant.start &&
          g.end === variant.end &&
          g.labelId === labelIds.get(variant.label),
      ),
    })),
    settled:
      goldSpans.some((g) => spansOverlap(g, region)) ||
      rejected.some((r) => r.start === region.start && r.end === region.end),
  }));

  return {
    document: {
      id: document.id,
      externalId: document.externalId,
      text: document.text,
      ...resolveDocumentLanguage(document.meta, document.text),
    },
    project: {
      slug: project.slug,
      name: project.name,
      goldAcceptShare: project.goldAcceptShare,
      allowOverlap: project.allowOverlap,
    },
    labels,
    annotators: names.map((name) => ({
      name,
      spans: spans.filter((span) => span.annotator === name),
    })),
    regions,
    gold: {
      status: gold?.status ?? ("not_started" as const),
      version: gold?.version ?? 0,
      spans: goldSpans,
    },
  };
}
