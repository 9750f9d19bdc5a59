import http from "node:http";
import { openDatabase } from "@/db/open-database";
import { sqliteOf } from "./sqlite-client";

/**
 * The capacity bench's baseline: a bare `node:http` server doing the save `annotation.edit` does
 * (create the layer if missing, add or delete one span, bump the layer's version) on the same
 * schema and pragmas, with no framework, session or access check. Run as its own process, so
 * it shares no event loop with the load: `tsx bench/bare-save-server.ts <database> <port>`.
 */
const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error("usage: bare-save-server.ts <database> <port>");
// Concord's connection set-up (pragmas, statement reuse) on the file its seed migrated.
const sqlite = sqliteOf(openDatabase(file));
const ensureLayer = sqlite.prepare(
  "INSERT INTO annotations (document_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
);
const layerOf = sqlite.prepare<[number, number], { id: number }>(
  "SELECT id FROM annotations WHERE document_id = ? AND user_id = ?",
);
const addSpan = sqlite.prepare(
  "INSERT INTO spans (annotation_id, start, end, label_id) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
);
const deleteSpan = sqlite.prepare(
  "DELETE FROM spans WHERE annotation_id = ? AND start = ? AND end = ? AND label_id = ?",
);
const bumpVersion = sqlite.prepare<[number], { version: number }>(
  "UPDATE annotations SET version = version + 1, updated_at = unixepoch() WHERE id = ? RETURNING version",
);

type Span = { start: number; end: number; labelId: number };
type Save = {
  documentId: number;
  userId: number;
  edits: { kind: "add" | "delete"; spans: Span[] }[];
};

const save = sqlite.transaction(({ documentId, userId, edits }: Save) => {
  ensureLayer.run(documentId, userId);
  const layer = layerOf.get(documentId, userId);
  if (!layer) throw new Error(`no layer for document ${documentId}`);
  for (const edit of edits) {
    const statement = edit.kind === "add" ? addSpan : deleteSpan;
    for (const span of edit.spans) statement.run(layer.id, span.start, span.end, span.labelId);
  }
  return bumpVersion.get(layer.id)?.version ?? 0;
});

http
  .createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      // The body tRPC's batch link sends: {"0": {"json": input}}.
      const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as {
        0: { json: Omit<Save, "userId"> };
      };
      const input = body[0].json;
      // No session here: the load names its user in a header where Concord reads a cookie.
      const userId = Number(request.headers["x-user-id"]);
      const version = save({ ...input, userId });
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify([{ result: { data: { json: { version } } } }]));
    });
  })
  .listen(Number(port), "127.0.0.1", () => process.send?.("listening"));
