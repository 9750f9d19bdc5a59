import { describe, expect, it } from "vitest";
import {
  expectedFixtureFolder,
  fixtureFolderNames,
  readFixtureCopy,
  readSharedFixture,
} from "../test-support/fixtures";

// The format tests read copies committed under fixtures/, since CI clones this repository alone.
// A missing copy fails here by name, rather than leaving a reader untested; where the shared
// fixtures folder is present, the copies must still be byte-for-byte what it holds.
describe("fixture copies", () => {
  it.each(expectedFixtureFolder)("%s is committed", (name) => {
    const copy = readFixtureCopy(name);
    expect(copy, `fixture ${name} is missing from domain/formats/fixtures/`).not.toBeNull();
  });

  it("holds nothing the list does not name", () => {
    expect(fixtureFolderNames().sort()).toEqual([...expectedFixtureFolder].sort());
  });

  it.each(expectedFixtureFolder)("%s matches the shared fixture, when that is present", (name) => {
    const shared = readSharedFixture(name);
    if (shared !== null) expect(readFixtureCopy(name)).toBe(shared);
  });
});
