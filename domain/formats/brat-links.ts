import { InputError } from "../errors";
import { spanContent, type RecordRelation, type RecordSpan } from "./record-details";
import type { SkippedEntry } from "./records";

/** A `.ann` line that is not text-bound, split at its TABs. */
export type BratLine = { line: number; id: string; body: string; reference?: string };

export const linkKinds = ["R", "E", "A", "M", "N", "#", "*"];

/**
 * What brat says about its text-bound spans, given them by id (null: left out by the
 * discontinuous policy):
 * - `R1 Type Arg1:T1 Arg2:T2`: a relation from T1 to T2;
 * - `E1 Type:T3 Role:T1 Role2:T4`: an event, as relations from its trigger T3 to each argument,
 *   typed `Type:Role` (brat numbers repeated roles, Role2, Role3: the number is dropped); an
 *   event named as an argument, an attribute's or a note's target stands for its trigger;
 * - `A1 Name T1` (a flag) and `A1 Name T1 Value` (`M` is the older spelling): span attributes;
 * - `#1 AnnotatorNotes T1<TAB>text`: the span's note, several joined by line breaks;
 * - `* Equiv T1 T2 T3`: undirected relations of that type between consecutive members;
 * - `N1 Reference T1 Wikipedia:534366<TAB>Barack Obama`: a line of the span's note,
 *   `Wikipedia:534366 "Barack Obama"`, since Concord keeps no links to knowledge bases.
 * A name of no annotation in the file refuses it; what targets a relation (its attributes or
 * notes) has no place in Concord and is reported.
 */
export function readBratLinks(
  lines: BratLine[],
  spans: Map<string, RecordSpan | null>,
): { relations: RecordRelation[]; skipped: SkippedEntry[] } {
  const relations: RecordRelation[] = [];
  const skipped: SkippedEntry[] = [];
  const triggers = new Map<string, string>();
  for (const line of lines) {
    if (line.id.startsWith("E")) {
      const trigger = /^[^\s:]+:(\S+)/.exec(line.body)?.[1];
      if (trigger) triggers.set(line.id, trigger);
    }
  }
  const relationIds = new Set(lines.filter((l) => l.id.startsWith("R")).map((l) => l.id));

  for (const line of lines) {
    const fail = (field: string, reason: string): never => {
      throw new InputError(line.line, field, `${reason}, in "${line.id}\t${line.body}"`);
    };
    const leaveOut = (reason: string) => skipped.push({ line: line.line, field: line.id, reason });
    /** The span an id names; null when it was left out, or is a relation (reported). */
    const spanOf = (id: string, field: string): RecordSpan | null => {
      const named = triggers.get(id) ?? id;
      const span = spans.get(named);
      if (span !== undefined) return span;
      if (relationIds.has(id)) return null;
      return fail(field, `${id} is not an annotation of this document`);
    };
    const relate = (source: RecordSpan, target: RecordSpan, type: string, directed = true) => {
      if (source === target) fail("args", "a relation cannot join a span to itself");
      relations.push({
        source: spanContent(source),
        target: spanContent(target),
        type,
        ...(directed ? {} : { directed: false }),
      });
    };
    const [head = "", ...args] = line.body.split(" ").filter((part) => part !== "");
    switch (line.id.charAt(0)) {
      case "R": {
        const ends = args.map((arg) => arg.split(":")[1] ?? fail(arg, `expected Arg:ID`));
        if (ends.length !== 2) fail("args", "a relation takes two arguments");
        const [source, target] = ends.map((id) => spanOf(id, "args"));
        if (source && target) relate(source, target, head);
        else leaveOut("a relation with a left-out or relation argument has no place in Concord");
        break;
      }
      case "E": {
        const [type, triggerId] = head.split(":");
        if (!type || !triggerId) fail("type", `expected "Type:Trigger"`);
        const trigger = spanOf(triggerId as string, "trigger");
        if (!trigger) {
          leaveOut("an event whose trigger is left out has no place in Concord");
          break;
        }
        for (const arg of args) {
          const [role, id] = arg.split(":");
          if (!role || !id) fail(arg, "expected Role:ID");
          const target = spanOf(id as string, role as string);
          if (target) relate(trigger, target, `${type}:${(role as string).replace(/\d+$/, "")}`);
          else leaveOut(`event argument ${arg} is a relation or left out: no place in Concord`);
        }
        break;
      }
      case "A":
      case "M": {
        const [target, value] = args;
        if (!target || args.length > 2) fail("args", "expected Name ID [Value]");
        const span = spanOf(target as string, "target");
        if (span) span.attributes = { ...span.attributes, [head]: value ?? true };
        else leaveOut("attributes of relations or left-out spans have no place in Concord");
        break;
      }
      case "#":
      case "N": {
        const [target, entry] = args;
        if (!target) fail("target", "names no annotation");
        const span = spanOf(target as string, "target");
        const note = line.id.startsWith("#")
          ? (line.reference ?? "")
          : `${entry ?? ""} "${line.reference ?? ""}"`;
        if (span) span.note = span.note ? `${span.note}\n${note}` : note;
        else leaveOut("notes on relations or left-out spans have no place in Concord");
        break;
      }
      case "*": {
        const members = args.map((id) => spanOf(id, "members"));
        members.slice(1).forEach((member, i) => {
          const previous = members[i];
          if (previous && member) relate(previous, member, head, false);
          else leaveOut("an equivalence member is a relation or left out");
        });
        break;
      }
    }
  }
  return { relations, skipped };
}
