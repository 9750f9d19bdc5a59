import { randomUUID } from "node:crypto";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import { and, asc, eq, inArray, isNull, like, lte, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { isUniqueViolation } from "@/db/errors";
import { tablesOf, type Db, type Tx } from "@/db/open-database";
import { DomainError } from "@/domain/errors";

/**
 * An import's documents first go into a staging project of their own, a batch per short write
 * transaction, where no reader looks: every page and query reaches projects by slug or by
 * membership, and a staging project has neither a slug a person can type (project slugs start
 * with a letter or digit) nor members. Its slug carries what recovery needs after a crash:
 * `.import.<target id>.<k|r>.<uuid>` while staging ("r": the import replaces documents the target
 * already has), `.publish...` once publishing has begun.
 *
 * Publishing moves the documents in batches too: moving 100,000 documents in one transaction
 * holds the writer lock (or a connection) for about a second, every save waiting behind it. So the import is all or
 * nothing in its outcome, not in one instant: once publishing has begun it is carried to the end,
 * by the next start after a crash if need be, and readers meanwhile may see part of it.
 */
export type Staging = { projectId: number; targetId: number; replace: boolean; slug: string };

const batchSize = 1000;
const slugPattern = /^\.(import|publish)\.(\d+)\.([kr])\.[0-9a-f-]+$/;

export async function createStaging(db: Db, targetId: number, replace: boolean): Promise<Staging> {
  const { projects } = tablesOf(db);
  const slug = `.import.${targetId}.${replace ? "r" : "k"}.${randomUUID()}`;
  const [row] = await db
    .insert(projects)
    .values({ slug, name: `import into project ${targetId}` })
    .returning({ id: projects.id });
  if (!row) throw new Error("the staging project was not created");
  return { projectId: row.id, targetId, replace, slug };
}

/**
 * Makes the staged import part of its project: first, in one transaction, the labels it created
 * and its annotators' memberships; then its documents, a batch at a time.
 */
export async function publishStaging(
  db: Db,
  staging: Staging,
  accounts: {
    annotatorIds(): Iterable<number>;
    createdUserIds(): number[];
    publishScheme(tx: Tx): Promise<void>;
  },
) {
  try {
    await db.transaction(async (tx) => {
      await beginPublishing(tx, staging, [...accounts.annotatorIds()]);
      await accounts.publishScheme(tx);
    });
  } catch (error) {
    await discardStaging(db, staging, accounts.createdUserIds());
    if (isUniqueViolation(error)) {
      throw new DomainError(
        "CONFLICT",
        "a label, relation type or document label this import creates was added to the project meanwhile: import again",
      );
    }
    throw error;
  }
  while (await publishBatch(db, staging)) await yieldToOthers();
}

async function beginPublishing(tx: Tx, staging: Staging, annotatorIds: number[]) {
  const { labels, memberships, projects } = tablesOf(tx);
  await tx
    .update(projects)
    .set({ slug: staging.slug.replace(/^\.import\./, ".publish.") })
    .where(eq(projects.id, staging.projectId));
  const [last] = await tx
    .select({ position: sql<number>`coalesce(max(${labels.position}), -1)`.mapWith(Number) })
    .from(labels)
    .where(eq(labels.projectId, staging.targetId));
  await tx
    .update(labels)
    .set({
      projectId: staging.targetId,
      position: sql`${labels.position} + ${(last?.position ?? -1) + 1}`,
    })
    .where(eq(labels.projectId, staging.projectId));
  for (const ids of slices(annotatorIds)) {
    await tx
      .insert(memberships)
      .values(
        ids.map((userId) => ({ projectId: staging.targetId, userId, role: "annotator" as const })),
      )
      .onConflictDoNothing();
  }
}

/** Removes a staged import that will not be published, a batch at a time. */
export async function discardStaging(db: Db, staging: Staging, createdUserIds: number[] = []) {
  while (await discardBatch(db, staging.projectId)) await yieldToOthers();
  await finishDiscard(db, staging.projectId, createdUserIds);
}

/**
 * At start: carries on the publishing of imports a crash interrupted, and removes imports that
 * had not reached it, with the accounts they created for their annotators.
 */
export async function recoverStagedImports(db: Db) {
  const { projects } = tablesOf(db);
  const rows = await db
    .select({ id: projects.id, slug: projects.slug })
    .from(projects)
    .where(like(projects.slug, ".%"))
    .orderBy(asc(projects.id));
  for (const row of rows) {
    const match = slugPattern.exec(row.slug);
    if (!match) continue;
    const staging = {
      projectId: row.id,
      targetId: Number(match[2]),
      replace: match[3] === "r",
      slug: row.slug,
    };
    if (match[1] === "publish") {
      while (await publishBatch(db, staging));
      continue;
    }
    while (await discardBatch(db, row.id));
    await finishDiscard(db, row.id, null);
  }
}

/** Moves the next batch of staged documents into the project; false once none is left. */
function publishBatch(db: Db, staging: Staging): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { documents, projects } = tablesOf(tx);
    const ids = await tx
      .select({ id: documents.id })
      .from(documents)
      .where(eq(documents.projectId, staging.projectId))
      .orderBy(asc(documents.id))
      .limit(batchSize);
    const lastId = ids.at(-1)?.id;
    if (lastId === undefined) {
      await tx.delete(projects).where(eq(projects.id, staging.projectId));
      return false;
    }
    await settleClashes(tx, staging, lastId);
    await tx
      .update(documents)
      .set({ projectId: staging.targetId })
      .where(and(eq(documents.projectId, staging.projectId), lte(documents.id, lastId)));
    return true;
  });
}

/**
 * Documents of the batch whose id the project has: checked against it while staging, so either
 * replacements or (imported meanwhile by someone else) left as they are.
 */
async function settleClashes(tx: Tx, staging: Staging, lastId: number) {
  const { annotations, documents } = tablesOf(tx);
  const target = alias(documents, "target");
  const clashes = await tx
    .select({ staged: documents.id, target: target.id, text: documents.text, meta: documents.meta })
    .from(documents)
    .innerJoin(
      target,
      and(eq(target.projectId, staging.targetId), eq(target.externalId, documents.externalId)),
    )
    .where(and(eq(documents.projectId, staging.projectId), lte(documents.id, lastId)));
  for (const clash of clashes) {
    if (staging.replace) {
      await tx
        .update(documents)
        .set({ text: clash.text, meta: clash.meta })
        .where(eq(documents.id, clash.target));
      await tx.delete(annotations).where(eq(annotations.documentId, clash.target));
      await tx
        .update(annotations)
        .set({ documentId: clash.target })
        .where(eq(annotations.documentId, clash.staged));
    }
    await tx.delete(documents).where(eq(documents.id, clash.staged));
  }
}

async function discardBatch(db: Db, projectId: number): Promise<boolean> {
  const { documents } = tablesOf(db);
  const batch = db
    .select({ id: documents.id })
    .from(documents)
    .where(eq(documents.projectId, projectId))
    .limit(batchSize);
  const deleted = await db
    .delete(documents)
    .where(inArray(documents.id, batch))
    .returning({ id: documents.id });
  return deleted.length > 0;
}

/**
 * Deletes the staging project and the accounts made for its annotators that nothing else uses
 * (imports create accounts without e-mail or password). `null`: not known (after a crash), so
 * every such unused account.
 */
function finishDiscard(db: Db, projectId: number, createdUserIds: number[] | null) {
  return db.transaction(async (tx) => {
    const { annotations, memberships, projects, users } = tablesOf(tx);
    await tx.delete(projects).where(eq(projects.id, projectId));
    const unused = and(
      isNull(users.email),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(memberships)
          .where(eq(memberships.userId, users.id)),
      ),
      notExists(
        tx
          .select({ one: sql`1` })
          .from(annotations)
          .where(eq(annotations.userId, users.id)),
      ),
    );
    if (createdUserIds === null) {
      await tx.delete(users).where(unused);
      return;
    }
    for (const ids of slices(createdUserIds)) {
      await tx.delete(users).where(and(inArray(users.id, ids), unused));
    }
  });
}

/** The ids in slices a statement binds well within either database's limit. */
function slices(ids: number[]): number[][] {
  const result: number[][] = [];
  for (let at = 0; at < ids.length; at += batchSize) result.push(ids.slice(at, at + batchSize));
  return result;
}
