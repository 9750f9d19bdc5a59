import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/open-database";
import { projects } from "@/db/schema";

/** What an owner may change about a project; every field optional, so one form or one toggle fits. */
export const projectSettingsSchema = z
  .object({
    name: z.string().trim().min(1, "the name is empty").max(200),
    description: z.string().max(5_000),
    guidelines: z.string().max(200_000),
    allowOverlap: z.boolean(),
    tokenSnapping: z.boolean(),
    blindAnnotation: z.boolean(),
    annotatorsPerDocument: z.int().min(1).max(50),
    goldAcceptShare: z.number().gt(0).max(1),
    archived: z.boolean(),
  })
  .partial();

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

export function updateProjectSettings(db: Queryable, projectId: number, settings: ProjectSettings) {
  return db.update(projects).set(settings).where(eq(projects.id, projectId)).returning().get();
}
