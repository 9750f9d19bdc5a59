import type { AttributeValue } from "../span-details";
import { requireLabelWithoutSpaces } from "./records";

/**
 * The collection's `annotation.conf`, from what the documents use: brat's editor shows only the
 * types it declares. Any overlap is allowed, as Concord projects may allow it.
 */
export type BratConf = ReturnType<typeof createBratConf>;

export function createBratConf(labels: readonly string[] = []) {
  const entities = new Set(labels);
  const relations = new Map<string, boolean>();
  const events = new Map<string, Set<string>>();
  const attributes = new Map<string, Set<string> | null>();
  return {
    entity: (label: string) => void entities.add(label),
    relation: (type: string, undirected: boolean) => void relations.set(type, undirected),
    event(type: string, role: string) {
      events.set(type, (events.get(type) ?? new Set()).add(role));
    },
    attribute(name: string, value: AttributeValue) {
      const values = attributes.get(name) ?? (value === true ? null : new Set<string>());
      if (values && typeof value === "string") values.add(value);
      attributes.set(name, values);
    },
    format(): string {
      const triggers = new Set(events.keys());
      return [
        "[entities]",
        ...[...entities].filter((label) => !triggers.has(label)),
        "",
        "[relations]",
        "<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>",
        ...[...relations].map(
          ([type, undirected]) =>
            `${type}\tArg1:<ENTITY>, Arg2:<ENTITY>${undirected ? ", <REL-TYPE>:symmetric-transitive" : ""}`,
        ),
        "",
        "[events]",
        ...[...events].map(
          ([type, roles]) => `${type}\t${[...roles].map((role) => `${role}:<ENTITY>`).join(", ")}`,
        ),
        "",
        "[attributes]",
        ...[...attributes].map(
          ([name, values]) =>
            `${name}\tArg:<ANY>${values ? `, Value:${[...values].join("|")}` : ""}`,
        ),
        "",
      ].join("\n");
    },
  };
}

/** The conf for labels alone. */
export function formatBratConf(labels: readonly string[]): string {
  return createBratConf(labels.map((label) => requireLabelWithoutSpaces(label, "brat"))).format();
}
