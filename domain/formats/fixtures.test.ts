import { describe, expect, it } from "vitest";
import { fixtureNames, readFixture, readSharedFixture } from "./test-helpers";

// The tests read copies committed under fixtures/, since CI clones this repository alone; where the
// shared fixtures folder is present, the copies must still be byte-for-byte what it holds.
describe("fixture copies", () => {
  it.each(fixtureNames())("%s matches the shared fixture, when that is present", (name) => {
    const shared = readSharedFixture(name);
    if (shared !== null) expect(readFixture(name)).toBe(shared);
  });
});
