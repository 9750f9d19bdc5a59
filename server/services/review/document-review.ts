import { eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { findRegions } from "@/domain/review/disagreements";
import { compareSpanContent } from "@/domain/span-edits";
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
export async function getDocumentReview(db: Queryable, { document, project }: DocumentAccess) {
  const { goldRejections } = tablesOf(db);
  const documentId = document.id;
  const labels = await listLabels(db, project.id);
  const labelIds = new Map(labels.map((label) => [label.name, label.id]));
  const { annotators, spansByDocument } = await loadSubmittedSpans(db, { documentId });
  const names = [...(annotators.get(documentId) ?? [])].sort();
  const spans = spansByDocument.get(documentId) ?? [];

  const gold = await findGoldAnnotation(db, documentId);
  // In text order: the database returns a layer's rows in whatever order it finds them.
  const goldSpans = gold ? (await listLayerSpans(db, gold.id)).sort(compareSpanContent) : [];
  const rejected = gold
    ? await db
        .select({ start: goldRejections.start, end: goldRejections.end })
        .from(goldRejections)
        .where(eq(goldRejections.annotationId, gold.id))
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
