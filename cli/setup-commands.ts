import { InvalidArgumentError, Option, type Command } from "commander";
import { memberRoles } from "@/db/schema";
import { getDb } from "@/server/database";
import { rebalanceAssignments } from "@/server/services/assignments";
import { addMember, createProject, findProjectBySlug } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import { countOf } from "@/domain/count-of";

export function registerSetupCommands(program: Command) {
  const user = program.command("user").description("manage user accounts");
  user
    .command("add")
    .description("create a user who can sign in")
    .requiredOption("--email <email>", "sign-in email")
    .requiredOption("--name <name>", "display name, also the annotator name in exports")
    .requiredOption("--password <password>", "at least 8 characters")
    .option("--admin", "make the user a site administrator", false)
    .action(async (options: { email: string; name: string; password: string; admin: boolean }) => {
      const created = await createUser(getDb(), { ...options, isAdmin: options.admin });
      console.log(
        `created user ${created.name} <${created.email}>${created.isAdmin ? " (admin)" : ""}`,
      );
    });

  const project = program.command("project").description("manage projects");
  project
    .command("create")
    .description("create a project with its labels")
    .requiredOption("--slug <slug>", "short name used in URLs and commands")
    .requiredOption("--name <name>", "display name")
    .option(
      "--labels <labels>",
      "comma-separated label names, given hotkeys 1…9 then q, w, e… in order",
      "",
    )
    .option("--allow-overlap", "allow nested and overlapping spans", false)
    .option(
      "--no-token-snapping",
      "keep selections as made instead of widening them to whole words",
    )
    .option(
      "--gold-accept-share <share>",
      "share of annotators (0-1] whose identical span 'accept all agreed' takes into gold",
      parseShare,
      1,
    )
    .action(
      async (options: {
        slug: string;
        name: string;
        labels: string;
        allowOverlap: boolean;
        tokenSnapping: boolean;
        goldAcceptShare: number;
      }) => {
        const labels =
          options.labels === "" ? [] : options.labels.split(",").map((name) => name.trim());
        const created = await createProject(getDb(), { ...options, labels });
        console.log(`created project ${created.slug} with ${countOf(labels.length, "label")}`);
      },
    );

  program
    .command("assign")
    .description("hand every document to k annotators, balanced, keeping work already started")
    .requiredOption("--project <slug>", "project slug")
    .option("--k <n>", "annotators per document (becomes the project's setting)", parseWholeNumber)
    .action(async (options: { project: string; k?: number }) => {
      const db = getDb();
      const { id } = await findProjectBySlug(db, options.project);
      const summary = await rebalanceAssignments(db, id, options.k);
      console.log(
        `assigned ${countOf(summary.documents, "document")} to ${countOf(summary.annotators, "annotator")} (${countOf(summary.assignments, "assignment")})`,
      );
    });

  const member = program.command("member").description("manage project members");
  member
    .command("add")
    .description("add a user to a project, or change their role")
    .requiredOption("--project <slug>", "project slug")
    .requiredOption("--email <email>", "the user's email")
    .addOption(
      new Option("--role <role>", "role in the project").choices(memberRoles).makeOptionMandatory(),
    )
    .action(
      async (options: { project: string; email: string; role: (typeof memberRoles)[number] }) => {
        const added = await addMember(getDb(), { projectSlug: options.project, ...options });
        console.log(`${added.user.name} is ${added.role} of ${added.project.slug}`);
      },
    );
}

function parseShare(value: string): number {
  const share = Number(value);
  if (!(share > 0 && share <= 1)) {
    throw new InvalidArgumentError("give a number greater than 0 and at most 1, e.g. 0.5");
  }
  return share;
}

function parseWholeNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError("give a whole number of at least 1");
  return n;
}
