import { eq } from "drizzle-orm";
import { z } from "zod";
import { tablesOf, type Queryable } from "@/db/open-database";
import { textField } from "@/domain/text-field";

export const projectNameSchema = textField("project name", {
  max: 200,
  required: true,
  trim: true,
});

/** What an owner may change about a project; every field optional, so one form or one toggle fits. */
export const projectSettingsSchema = z
  .object({
    name: projectNameSchema,
    description: textField("description", { max: 5_000, multiline: true }),
    guidelines: textField("guidelines", { max: 200_000, multiline: true }),
    allowOverlap: z.boolean(),
    tokenSnapping: z.boolean(),
    blindAnnotation: z.boolean(),
    annotatorsPerDocument: z.int().min(1).max(50),
    goldAcceptShare: z.number().gt(0).max(1),
    archived: z.boolean(),
  })
  .partial();

export type ProjectSettings = z.infer<typeof projectSettingsSchema>;

/**
 * Settings with no field given (`{}`, or every field undefined) change nothing and say so by
 * returning the project as it is: Drizzle would refuse an empty SET with an internal error.
 */
export async function updateProjectSettings(
  db: Queryable,
  projectId: number,
  settings: ProjectSettings,
) {
  const { projects } = tablesOf(db);
  const given = Object.values(settings).some((value) => value !== undefined);
  const project = eq(projects.id, projectId);
  const [row] = given
    ? await db.update(projects).set(settings).where(project).returning()
    : await db.select().from(projects).where(project).limit(1);
  return row;
}
