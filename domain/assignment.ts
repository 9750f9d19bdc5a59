/**
 * Balanced assignment of documents to annotators, k annotators per document.
 *
 * Work already started is never taken away. Earlier assignments stay where they are while their
 * annotator is under the fair share (ceil(total / annotators)); the rest of each document is filled
 * up to k with the least-loaded annotators. With equal availability nobody gets more than one
 * document more than anybody else, and a member joining or leaving moves only what it must.
 */
export type AssignmentInput = {
  /** Document ids in queue order. */
  documents: number[];
  /** The project's current annotators. */
  annotators: number[];
  /** Current assignments: document id -> annotator ids. */
  assigned: Map<number, number[]>;
  /** Documents each annotator has started (has an annotation on): document id -> annotator ids. */
  started: Map<number, number[]>;
  annotatorsPerDocument: number;
};

export function balanceAssignments(input: AssignmentInput): Map<number, number[]> {
  const current = new Set(input.annotators);
  const k = Math.min(input.annotatorsPerDocument, input.annotators.length);
  const load = new Map(input.annotators.map((annotator) => [annotator, 0]));
  const result = new Map<number, number[]>();

  // Started work first, so the loads it brings are known before anything else is handed out.
  for (const document of input.documents) {
    const kept = (input.started.get(document) ?? []).filter((annotator) => current.has(annotator));
    result.set(document, kept);
    for (const annotator of kept) load.set(annotator, (load.get(annotator) ?? 0) + 1);
  }

  const fairShare = Math.ceil((input.documents.length * k) / Math.max(1, input.annotators.length));
  for (const document of input.documents) {
    const chosen = result.get(document) ?? [];
    for (const annotator of input.assigned.get(document) ?? []) {
      const stays = current.has(annotator) && !chosen.includes(annotator);
      if (stays && chosen.length < k && (load.get(annotator) ?? 0) < fairShare) {
        chosen.push(annotator);
        load.set(annotator, (load.get(annotator) ?? 0) + 1);
      }
    }
  }

  for (const document of input.documents) {
    const chosen = result.get(document) ?? [];
    while (chosen.length < k) {
      const candidates = input.annotators.filter((annotator) => !chosen.includes(annotator));
      candidates.sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || a - b);
      const next = candidates[0];
      if (next === undefined) break;
      chosen.push(next);
      load.set(next, (load.get(next) ?? 0) + 1);
    }
  }
  return result;
}
