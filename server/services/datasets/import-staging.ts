import { randomUUID } from "node:crypto";
import { setImmediate as yieldToOthers } from "node:timers/promises";
import type { Db } from "@/db/open-database";
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
 * holds the write lock for about a second, every save waiting behind it. So the import is all or
 * nothing in its outcome, not in one instant: once publishing has begun it is carried to the end,
 * by the next start after a crash if need be, and readers meanwhile may see part of it.
 */
export type Staging = { projectId: number; targetId: number; replace: boolean; slug: string };

const batchSize = 1000;
const slugPattern = /^\.(import|publish)\.(\d+)\.([kr])\.[0-9a-f-]+$/;

export function createStaging(db: Db, targetId: number, replace: boolean): Staging {
  const slug = `.import.${targetId}.${replace ? "r" : "k"}.${randomUUID()}`;
  const row = db.$client
    .prepare("INSERT INTO projects (slug, name) VALUES (?, ?) RETURNING id")
    .get(slug, `import into project ${targetId}`) as { id: number };
  return { projectId: row.id, targetId, replace, slug };
}

/**
 * Makes the staged import part of its project: first, in one transaction, the labels it created
 * and its annotators' memberships; then its documents, a batch at a time.
 */
export async function publishStaging(
  db: Db,
  staging: Staging,
  accounts: { annotatorIds(): Iterable<number>; createdUserIds(): number[] },
) {
  const sqlite = db.$client;
  try {
    sqlite.transaction(() => {
      sqlite
        .prepare("UPDATE projects SET slug = ? WHERE id = ?")
        .run(staging.slug.replace(/^\.import\./, ".publish."), staging.projectId);
      const last = sqlite
        .prepare("SELECT coalesce(max(position), -1) AS last FROM labels WHERE project_id = ?")
        .get(staging.targetId) as { last: number };
      sqlite
        .prepare("UPDATE labels SET project_id = ?, position = position + ? WHERE project_id = ?")
        .run(staging.targetId, last.last + 1, staging.projectId);
      const addAnnotator = sqlite.prepare(
        "INSERT INTO memberships (project_id, user_id, role) VALUES (?, ?, 'annotator') ON CONFLICT DO NOTHING",
      );
      for (const userId of accounts.annotatorIds()) addAnnotator.run(staging.targetId, userId);
    })();
  } catch (error) {
    await discardStaging(db, staging, accounts.createdUserIds());
    if ((error as { code?: string }).code === "SQLITE_CONSTRAINT_UNIQUE") {
      throw new DomainError(
        "CONFLICT",
        "a label this import creates was added to the project meanwhile: import again",
      );
    }
    throw error;
  }
  while (publishBatch(db, staging)) await yieldToOthers();
}

/** Removes a staged import that will not be published, a batch at a time. */
export async function discardStaging(db: Db, staging: Staging, createdUserIds: number[] = []) {
  while (discardBatch(db, staging.projectId)) await yieldToOthers();
  finishDiscard(db, staging.projectId, createdUserIds);
}

/**
 * At start: carries on the publishing of imports a crash interrupted, and removes imports that
 * had not reached it, with the accounts they created for their annotators.
 */
export function recoverStagedImports(db: Db) {
  const rows = db.$client.prepare("SELECT id, slug FROM projects WHERE slug LIKE '.%'").all() as {
    id: number;
    slug: string;
  }[];
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
      while (publishBatch(db, staging));
      continue;
    }
    while (discardBatch(db, row.id));
    finishDiscard(db, row.id, null);
  }
}

/** Moves the next batch of staged documents into the project; false once none is left. */
function publishBatch(db: Db, staging: Staging): boolean {
  const sqlite = db.$client;
  return sqlite.transaction(() => {
    const ids = sqlite
      .prepare("SELECT id FROM documents WHERE project_id = ? ORDER BY id LIMIT ?")
      .pluck()
      .all(staging.projectId, batchSize) as number[];
    const last = ids.at(-1);
    if (last === undefined) {
      sqlite.prepare("DELETE FROM projects WHERE id = ?").run(staging.projectId);
      return false;
    }
    // Documents whose id the project has: checked against it while staging, so either replacements
    // or (imported meanwhile by someone else) left as they are.
    const clashes = sqlite
      .prepare(
        `SELECT s.id AS staged, t.id AS target, s.text, s.meta FROM documents s
           JOIN documents t ON t.project_id = ? AND t.external_id = s.external_id
          WHERE s.project_id = ? AND s.id <= ?`,
      )
      .all(staging.targetId, staging.projectId, last) as {
      staged: number;
      target: number;
      text: string;
      meta: string;
    }[];
    for (const clash of clashes) {
      if (staging.replace) {
        sqlite
          .prepare("UPDATE documents SET text = ?, meta = ? WHERE id = ?")
          .run(clash.text, clash.meta, clash.target);
        sqlite.prepare("DELETE FROM annotations WHERE document_id = ?").run(clash.target);
        sqlite
          .prepare("UPDATE annotations SET document_id = ? WHERE document_id = ?")
          .run(clash.target, clash.staged);
      }
      sqlite.prepare("DELETE FROM documents WHERE id = ?").run(clash.staged);
    }
    sqlite
      .prepare("UPDATE documents SET project_id = ? WHERE project_id = ? AND id <= ?")
      .run(staging.targetId, staging.projectId, last);
    return true;
  })();
}

function discardBatch(db: Db, projectId: number): boolean {
  const deleted = db.$client
    .prepare(
      "DELETE FROM documents WHERE id IN (SELECT id FROM documents WHERE project_id = ? LIMIT ?)",
    )
    .run(projectId, batchSize);
  return deleted.changes > 0;
}

/**
 * Deletes the staging project and the accounts made for its annotators that nothing else uses
 * (imports create accounts without e-mail or password). `null`: not known (after a crash), so
 * every such unused account.
 */
function finishDiscard(db: Db, projectId: number, createdUserIds: number[] | null) {
  const sqlite = db.$client;
  sqlite.transaction(() => {
    sqlite.prepare("DELETE FROM projects WHERE id = ?").run(projectId);
    const unused = `email IS NULL
      AND NOT EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id)
      AND NOT EXISTS (SELECT 1 FROM annotations a WHERE a.user_id = users.id)`;
    if (createdUserIds === null) sqlite.prepare(`DELETE FROM users WHERE ${unused}`).run();
    else {
      const remove = sqlite.prepare(`DELETE FROM users WHERE id = ? AND ${unused}`);
      for (const id of createdUserIds) remove.run(id);
    }
  })();
}
