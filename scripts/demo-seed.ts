import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Db } from "@/db/open-database";
import { formatJsonlRecord, type AnnotationRecord } from "@/domain/formats/jsonl";
import { spansOverlap, type Span } from "@/domain/spans";
import { rebalanceAssignments } from "@/server/services/assignments";
import { importJsonl } from "@/server/services/datasets/import-jsonl";
import { addMember, createProject, findProjectBySlug } from "@/server/services/projects";
import { createUser } from "@/server/services/users";
import { seedDemoScheme } from "./demo-scheme";

export const demoPassword = "concord-demo";
export const demoAccounts = [
  { name: "admin", email: "admin@concord.test", role: "owner", isAdmin: true },
  { name: "alice", email: "alice@concord.test", role: "annotator", isAdmin: false },
  { name: "bob", email: "bob@concord.test", role: "annotator", isAdmin: false },
  { name: "rita", email: "rita@concord.test", role: "reviewer", isAdmin: false },
] as const;

export const demoProject = {
  slug: "kursk-news",
  name: "North Korean troops in Kursk",
  labels: ["PERSON", "ORG", "GPE", "LOC", "DATE", "QUANTITY"],
};

type Phrase = [phrase: string, label: string];

// Two annotators who mostly agree and sometimes do not (a label, a boundary), so that review
// pages have real disagreements to show.
const alicePhrases: Phrase[] = [
  ["North Atlantic Treaty Organization", "ORG"],
  ["NATO", "ORG"],
  ["Mark Rutte", "PERSON"],
  ["North Korea", "GPE"],
  ["Russia", "GPE"],
  ["Ukraine", "GPE"],
  ["Kursk region", "LOC"],
  ["Brussels", "GPE"],
  ["October 28", "DATE"],
];
const bobPhrases: Phrase[] = [
  ["NATO", "ORG"],
  ["Mark Rutte", "PERSON"],
  ["Rutte", "PERSON"],
  ["North Korea", "GPE"],
  ["Russia", "GPE"],
  ["Ukraine", "LOC"],
  ["Kursk", "LOC"],
  ["Brussels", "LOC"],
  ["October 28", "DATE"],
  ["600,000", "QUANTITY"],
];

/** Which documents (by position) each annotator has touched, and which of those they submitted. */
const progress = {
  alice: { annotated: [0, 1, 2], submitted: [0, 1] },
  bob: { annotated: [0, 1, 3], submitted: [0, 1] },
};

export function readSampleCorpus(folder: string) {
  return readdirSync(folder)
    .filter((file) => file.endsWith(".txt"))
    .sort()
    .map((file) => ({
      id: path.basename(file, ".txt"),
      text: readFileSync(path.join(folder, file), "utf8"),
    }));
}

/** Loads the demo project, accounts and a few annotations into an empty database. */
export async function seedDemo(db: Db, corpus: { id: string; text: string }[]) {
  for (const account of demoAccounts) {
    await createUser(db, { ...account, password: demoPassword });
  }
  await createProject(db, demoProject);
  for (const account of demoAccounts) {
    await addMember(db, {
      projectSlug: demoProject.slug,
      email: account.email,
      role: account.role,
    });
  }
  const lines = corpus.map((document, position) =>
    formatJsonlRecord({
      id: document.id,
      text: document.text,
      meta: { source: "sample corpus" },
      annotations: [
        annotate("alice", alicePhrases, document.text, position),
        annotate("bob", bobPhrases, document.text, position),
      ].filter((annotation): annotation is AnnotationRecord => annotation !== null),
    }),
  );
  const summary = await importJsonl(db, demoProject.slug, lines.join("\n"));
  const { id } = await findProjectBySlug(db, demoProject.slug);
  await rebalanceAssignments(db, id, 2);
  await seedDemoScheme(db, id);
  return summary;
}

function annotate(
  annotator: keyof typeof progress,
  phrases: Phrase[],
  text: string,
  position: number,
): AnnotationRecord | null {
  const { annotated, submitted } = progress[annotator];
  if (!annotated.includes(position)) return null;
  return {
    annotator,
    status: submitted.includes(position) ? "submitted" : "in_progress",
    spans: findPhrases(text, phrases),
  };
}

/** Every whole-word occurrence of each phrase, earlier phrases winning where two would overlap. */
function findPhrases(text: string, phrases: Phrase[]): Span[] {
  const spans: Span[] = [];
  for (const [phrase, label] of phrases) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${phrase}(?![\\p{L}\\p{N}])`, "gu");
    for (const match of text.matchAll(pattern)) {
      const span = { start: match.index, end: match.index + phrase.length, label };
      if (!spans.some((other) => spansOverlap(other, span))) spans.push(span);
    }
  }
  return spans;
}
