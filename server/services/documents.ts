import { and, asc, eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { resolveDocumentLanguage } from "@/domain/text-direction";
import type { DocumentAccess } from "./access";
import { describeQueuePosition } from "./document-queue";
import { listLabels } from "./projects";

/** Everything the annotation page needs: text, labels, settings, the user's own spans, their queue. */
export async function getDocumentWorkspace(
  db: Queryable,
  { document, project, capabilities }: DocumentAccess,
  userId: number,
) {
  const { annotations, spans } = tablesOf(db);
  const documentId = document.id;
  const [annotation] = await db
    .select()
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .limit(1);
  const ownSpans = annotation
    ? await db
        .select({ id: spans.id, start: spans.start, end: spans.end, labelId: spans.labelId })
        .from(spans)
        .where(eq(spans.annotationId, annotation.id))
        .orderBy(asc(spans.start), asc(spans.end), asc(spans.id))
    : [];
  const queue = await describeQueuePosition(db, project.id, userId, documentId);

  return {
    document: {
      id: document.id,
      externalId: document.externalId,
      text: document.text,
      ...resolveDocumentLanguage(document.meta, document.text),
    },
    project: { slug: project.slug, name: project.name, allowOverlap: project.allowOverlap },
    settings: { tokenSnapping: project.tokenSnapping, allowOverlap: project.allowOverlap },
    capabilities,
    labels: await listLabels(db, project.id),
    annotation: {
      status: annotation?.status ?? ("not_started" as const),
      version: annotation?.version ?? 0,
      spans: ownSpans,
    },
    previousDocumentId: queue.previous,
    nextDocumentId: queue.next,
    nextUnsubmittedDocumentId: queue.nextUnsubmitted,
    progress: queue.progress,
  };
}
