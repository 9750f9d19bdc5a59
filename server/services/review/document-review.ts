import { eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { findRegions } from "@/domain/review/disagreements";
import { compareSpanContent } from "@/domain/span-edits";
import { spansOverlap } from "@/domain/spans";
import { resolveDocumentLanguage } from "@/domain/text-direction";
import type { DocumentAccess } from "../access";
import { emptyLayer } from "@/domain/layer-state";
import { readWholeLayer } from "../layer-read";
import { listLabels } from "../projects";
import { listScheme } from "../scheme";
import { findGoldAnnotation } from "./gold";
import { describeStructureConflicts } from "./structure-review";
import { loadSubmittedSpans } from "./submissions";
import { loadSubmittedStructure } from "./submitted-structure";

/**
 * The diff and curation view of one document: every submitting annotator's spans, the regions
 * where they meet (and how they differ), and the gold layer with which regions it has settled;
 * and how annotators differ on relations, attributes and document labels, beside what gold has.
 */
export async function getDocumentReview(db: Queryable, { document, project }: DocumentAccess) {
  const { goldRejections } = tablesOf(db);
  const documentId = document.id;
  const labels = await listLabels(db, project.id);
  const labelIds = new Map(labels.map((label) => [label.name, label.id]));
  const { annotators, spansByDocument } = await loadSubmittedSpans(db, { documentId });
  const names = [...(annotators.get(documentId) ?? [])].sort();
  const spans = spansByDocument.get(documentId) ?? [];

  const scheme = await listScheme(db, project.id);
  const gold = await findGoldAnnotation(db, documentId);
  const goldLayer = gold
    ? await readWholeLayer(db, gold.id, async () => scheme.relationTypes)
    : emptyLayer;
  // In text order: the database returns a layer's rows in whatever order it finds them.
  const goldSpans = [...goldLayer.spans].sort(compareSpanContent);
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

  const labelsWithAttributes = [...new Set(scheme.attributes.map((a) => a.labelId))];
  const structure = await loadSubmittedStructure(db, { documentId }, labelsWithAttributes);
  const layers = names.map((annotator) => {
    const attributes = structure.attributes.get(documentId)?.get(annotator);
    return {
      annotator,
      spans: spans
        .filter((span) => span.annotator === annotator)
        .map((span) => ({
          ...span,
          attributes: attributes?.get(`${span.start}:${span.end}:${span.label}`) ?? {},
        })),
      relations: structure.relations.get(documentId)?.get(annotator) ?? [],
      choices: structure.choices.get(documentId)?.get(annotator) ?? {},
    };
  });

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
    scheme,
    structure: describeStructureConflicts(layers, scheme, labels, goldLayer),
    annotators: names.map((name) => ({
      name,
      spans: spans.filter((span) => span.annotator === name),
    })),
    regions,
    gold: {
      status: gold?.status ?? ("not_started" as const),
      version: gold?.version ?? 0,
      spans: goldSpans,
      relations: goldLayer.relations,
      choices: goldLayer.choices,
    },
  };
}
