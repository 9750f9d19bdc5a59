import type { ExportFile, StoredDocument } from "@/domain/formats/writers/export-format";

/** One file of an export, its content produced as the database is read. */
export type ExportFileStream = { name: string; chunks: AsyncIterable<string> };

/**
 * Runs a synchronous export writer (domain/) over documents the database gives a page at a time,
 * asynchronously. Each step of a writer's iterators, files or chunks, reads at most one document:
 * before each step the feed reads the next page once the one it holds is used up, so the step
 * always finds the next document, or the end.
 */
export function feedDocuments(
  pages: AsyncIterator<StoredDocument[]>,
  write: (documents: Iterable<StoredDocument>) => Iterable<ExportFile>,
): AsyncIterable<ExportFileStream> {
  let page: StoredDocument[] = [];
  let next = 0;
  let ended = false;
  const documents = {
    *[Symbol.iterator]() {
      for (;;) {
        const document = page[next];
        if (document) {
          next++;
          yield document;
        } else if (ended) return;
        else throw new Error("an export writer read more than one document in one step");
      }
    },
  };
  const refill = async () => {
    while (next >= page.length && !ended) {
      const read = await pages.next();
      if (read.done) ended = true;
      else [page, next] = [read.value, 0];
    }
  };
  async function* stepped<T>(items: Iterable<T>): AsyncGenerator<T> {
    const iterator = items[Symbol.iterator]();
    try {
      for (;;) {
        await refill();
        const step = iterator.next();
        if (step.done) return;
        yield step.value;
      }
    } finally {
      iterator.return?.();
    }
  }
  return (async function* () {
    for await (const file of stepped(write(documents))) {
      yield { name: file.name, chunks: stepped(file.chunks) };
    }
  })();
}
