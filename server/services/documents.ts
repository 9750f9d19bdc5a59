import { and, eq } from "drizzle-orm";
import { tablesOf, type Queryable } from "@/db/open-database";
import { resolveDocumentLanguage } from "@/domain/text-direction";
import type { DocumentAccess } from "./access";
import { describeQueuePosition } from "./document-queue";
import { readWholeLayer } from "./layer-read";
import { listLabels } from "./projects";
import { listScheme } from "./scheme";

/**
 * Everything the annotation page needs: text, labels and the rest of the scheme, settings, the
 * user's own layer (spans with their details, relations, document labels), their queue.
 */
export async function getDocumentWorkspace(
  db: Queryable,
  { document, project, capabilities }: DocumentAccess,
  userId: number,
) {
  const { annotations } = tablesOf(db);
  const documentId = document.id;
  const [annotation] = await db
    .select()
    .from(annotations)
    .where(and(eq(annotations.documentId, documentId), eq(annotations.userId, userId)))
    .limit(1);
  const scheme = await listScheme(db, project.id);
  const own = annotation
    ? await readWholeLayer(db, annotation.id, async () => scheme.relationTypes)
    : null;
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
    scheme,
    annotation: {
      status: annotation?.status ?? ("not_started" as const),
      version: annotation?.version ?? 0,
      spans: [...(own?.spans ?? [])],
      relations: [...(own?.relations ?? [])],
      choices: [...(own?.choices ?? [])],
    },
    previousDocumentId: queue.previous,
    nextDocumentId: queue.next,
    nextUnsubmittedDocumentId: queue.nextUnsubmitted,
    progress: queue.progress,
  };
}
