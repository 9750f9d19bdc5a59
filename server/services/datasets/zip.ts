import { Zip, ZipDeflate } from "fflate";
import type { ExportFileStream } from "./document-feed";

/**
 * A zip of the files, produced as they are: fflate compresses each chunk as it arrives and hands
 * back the archive's bytes, so a zip of any size passes through a bounded buffer.
 */
export async function* zipFiles(
  files: AsyncIterable<ExportFileStream>,
): AsyncGenerator<Uint8Array> {
  const ready: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    ready.push(chunk);
  });
  const encoder = new TextEncoder();
  const drain = function* () {
    while (ready.length > 0) yield ready.shift() as Uint8Array;
  };
  for await (const file of files) {
    const entry = new ZipDeflate(file.name, { level: 6 });
    zip.add(entry);
    for await (const chunk of file.chunks) {
      if (chunk !== "") entry.push(encoder.encode(chunk));
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}
