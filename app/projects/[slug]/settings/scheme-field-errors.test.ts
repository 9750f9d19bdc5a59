import { describe, expect, it } from "vitest";
import { fieldOfError } from "./scheme-field-errors";

describe("fieldOfError", () => {
  it.each([
    ["hotkey “r” is already used by relation type located_in", "hotkey"],
    ["hotkey “j” is the page's own key for the next document", "hotkey"],
    ["attribute.hotkey: a hotkey is one key", "hotkey"],
    ['colour "red" must look like #a0cbe8', "color"],
    ["label 999 is not a label of this project", "labels"],
    ["relation type located_in has 1 relation from PER, which it would no longer allow", "labels"],
    ["attribute certainty is a choice: give it at least one option", "options"],
    ["attribute negated is a boolean: only a choice has options", "options"],
    ["option “low” of attribute c is given twice", "options"],
    ["document label of topic “military” is already used", "options"],
    ["relation type name “located_in” is already used", "name"],
    ["attribute name of PER “negated” is already used", "name"],
    ["document label set name “topic” is already used", "name"],
    [
      "relation type located_in has 2 relations: it cannot become undirected while they exist",
      "row",
    ],
    ["deleting relation type x removes 2 relations; confirm that number to go ahead", "row"],
  ])("puts %j beside the %s", (message, field) => {
    expect(fieldOfError(message)).toBe(field);
  });
});
