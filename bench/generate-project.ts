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
