import type { DocumentRecord } from "@/domain/formats/jsonl";

/** A small deterministic PRNG (mulberry32), so every bench run measures the same data. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const words =
  "the army region troops border report official forces city river general minister said".split(
    " ",
  );
export const benchLabels = ["PER", "ORG", "LOC", "DATE"];

/**
 * Documents of about `tokensPerDocument` tokens, each annotated by every annotator: a shared set
 * of spans that each annotator keeps, drops, relabels or reshapes at random, as real teams do.
 */
export function* generateDocuments(options: {
  documents: number;
  annotators: string[];
  tokensPerDocument: number;
  seed: number;
}): Generator<DocumentRecord> {
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  for (let d = 0; d < options.documents; d++) {
    const tokens: { start: number; end: number }[] = [];
    let text = "";
    for (let t = 0; t < options.tokensPerDocument; t++) {
      if (t > 0) text += t % 17 === 0 ? ". " : " ";
      const word = pick(words);
      tokens.push({ start: text.length, end: text.length + word.length });
      text += word;
    }
    const truth = tokens
      .filter((_, t) => t % 10 === 3)
      .map((token) => ({ ...token, label: pick(benchLabels) }));
    yield {
      id: `doc-${d}`,
      text,
      meta: {},
      annotations: options.annotators.map((annotator) => ({
        annotator,
        status: "submitted" as const,
        spans: truth
          .filter(() => random() > 0.1)
          .map((span) => (random() < 0.1 ? { ...span, label: pick(benchLabels) } : span)),
      })),
    };
  }
}

const names = "Ana Lima,Bob Stone,Kursk,Moscow,Kyiv,NATO,Rutte,Austin,Seoul,Brussels".split(",");

/**
 * One document of about `characters` characters in paragraphs of news-like prose, with `spans`
 * spans on whole words spread evenly through it, for the annotation page's benchmark.
 */
export function generateAnnotatedDocument(options: {
  id: string;
  characters: number;
  spans: number;
  annotator: string;
  seed: number;
}): DocumentRecord {
  const random = createRandom(options.seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const tokens: { start: number; end: number }[] = [];
  let text = "";
  let paragraph = 0;
  while (text.length < options.characters) {
    const word = random() < 0.15 ? pick(names) : pick(words);
    const separator = text === "" ? "" : paragraph > 600 && random() < 0.05 ? ".\n\n" : " ";
    if (text.length + separator.length + word.length > options.characters) break;
    paragraph = separator === " " ? paragraph + word.length + 1 : 0;
    text += separator;
    tokens.push({ start: text.length, end: text.length + word.length });
    text += word;
  }
  const step = tokens.length / options.spans;
  const spans = Array.from({ length: options.spans }, (_, i) => ({
    ...(tokens[Math.floor(i * step)] as { start: number; end: number }),
    label: pick(benchLabels),
  }));
  return {
    id: options.id,
    text,
    meta: {},
    annotations: [{ annotator: options.annotator, status: "in_progress", spans }],
  };
}
