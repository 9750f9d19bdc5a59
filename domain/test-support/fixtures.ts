// Test support: reading fixture files needs node:fs, which only domain/test-support/ may import.
import { existsSync, readdirSync, readFileSync } from "node:fs";

const fixtures = new URL("../formats/fixtures/", import.meta.url);

/** The shared fixtures folder the copies come from, when it is there (CI clones this repository alone). */
const sharedFixtures = new URL("../../../shared/fixtures/", import.meta.url);

/** The data files the format tests read, as the fixtures README lists them. */
export const fixtureFiles = [
  "brat_news_000-introduction.ann",
  "brat_news_000-introduction.txt",
  "brat_scienceie_S0167931713005042.ann",
  "brat_scienceie_S0167931713005042.txt",
  "doccano_import_test_example.conll",
  "doccano_import_test_example.jsonl",
  "doccano_import_test_overlapping.jsonl",
  "doccano_intent_detection_example.jsonl",
  "doccano_legacy_download_sequence_labeling.jsonl",
  "doccano_relation_extraction_export_example.jsonl",
  "doccano_relation_extraction_import_example.jsonl",
  "doccano_sequence_labeling_example.jsonl",
  "doccano_tutorial_export_labels.json",
  "doccano_tutorial_import.jsonl",
  "labelstudio_legacy_completion_348_ingredients.json",
  "labelstudio_legacy_completions.json",
  "labelstudio_named_entity_annotations.json",
  "labelstudio_named_entity_tasks_predictions.json",
  "spacy_ner-token-per-line-conll2003.iob",
  "spacy_ner-token-per-line-conll2003.json",
] as const;

export type FixtureName = (typeof fixtureFiles)[number];

/** Every file the fixtures folder must hold: the data, each one's provenance sidecar, the README. */
export const expectedFixtureFolder = [
  "README.md",
  ...fixtureFiles.flatMap((name) => [name, `${name}.source.txt`]),
];

/** A fixture as committed beside the format tests. */
export function readFixture(name: FixtureName): string {
  return readFileSync(new URL(name, fixtures), "utf8");
}

/** Any file of the fixtures folder (sidecars and README too), or null when it is not there. */
export function readFixtureCopy(name: string): string | null {
  const url = new URL(name, fixtures);
  return existsSync(url) ? readFileSync(url, "utf8") : null;
}

export function fixtureFolderNames(): string[] {
  return existsSync(fixtures) ? readdirSync(fixtures) : [];
}

export function readSharedFixture(name: string): string | null {
  const url = new URL(name, sharedFixtures);
  return existsSync(url) ? readFileSync(url, "utf8") : null;
}
