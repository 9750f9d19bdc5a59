import { describe, expect, it } from "vitest";
import { changesOf, dialectOf, openMigratedDatabase } from "./open-database";
import { closeAfterTests, openTestDatabase, testDatabaseUrl } from "./test-support/test-database";

function nextMessage(messages: string[], count: number): Promise<void> {
  return new Promise((resolve) => {
    const check = setInterval(() => {
      if (messages.length >= count) resolve(void clearInterval(check));
    }, 5);
  });
}

describe("notices of changes", () => {
  it("reach the listeners of their topic, and only while they listen", async () => {
    const db = await openTestDatabase();
    const heard: string[] = [];
    const stop = await changesOf(db).subscribe("layer:1", (message) => heard.push(message));
    await changesOf(db).subscribe("layer:2", (message) => heard.push(`wrong ${message}`));
    await changesOf(db).publish("layer:1", "version 2");
    await nextMessage(heard, 1);
    await stop();
    await changesOf(db).publish("layer:1", "version 3");
    await changesOf(db).publish("layer:2", "x");
    await nextMessage(heard, 2);
    expect(heard).toEqual(["version 2", "wrong x"]);
  });

  it("reach every server on the database", async () => {
    const url = await testDatabaseUrl();
    const first = closeAfterTests(await openMigratedDatabase(url));
    // Servers share a PostgreSQL database, each with its own pool; a SQLite file has one server.
    const servers =
      dialectOf(first) === "postgres"
        ? [first, closeAfterTests(await openMigratedDatabase(url))]
        : [first];
    const heard: string[] = [];
    for (const [index, server] of servers.entries()) {
      await changesOf(server).subscribe("layer:7", (message) => heard.push(`${index}: ${message}`));
    }
    await changesOf(first).publish("layer:7", "saved");
    await nextMessage(heard, servers.length);
    expect(heard.sort()).toEqual(servers.map((_, index) => `${index}: saved`));
  });
});
