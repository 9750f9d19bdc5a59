import type { Span } from "../spans";
import { failAt, isJsonObject, skippedAt, type JsonPath, type JsonSource } from "./json-source";
import type { AnnotationRecord } from "./jsonl";
import { sameSpan, spanContent, type RecordRelation, type RecordSpan } from "./record-details";
import type { SkippedEntry } from "./records";

/** The relation type of a Label Studio relation drawn without a label. */
export const unlabelledRelation = "relation";

type Layer = Pick<AnnotationRecord, "spans" | "relations" | "documentLabels">;

/**
 * A `result` list as a layer: `labels` regions become spans (`meta.text`, Label Studio's region
 * note, their note); `relation` results (`from_id`, `to_id`, `direction` right | left | bi,
 * `labels`) relations between those regions, one per label; `choices` results over the whole text
 * document labels of the set named by `from_name`. Anything else is reported.
 */
export function readResults(
  json: JsonSource,
  path: JsonPath,
  result: unknown[],
  readRegion: (item: Record<string, unknown>, itemPath: JsonPath) => Span[] | null,
  skipped: SkippedEntry[],
): Layer {
  const regions = new Map<unknown, RecordSpan>();
  const spans: RecordSpan[] = [];
  const others: [Record<string, unknown>, JsonPath][] = [];
  result.forEach((item: unknown, r) => {
    const itemPath = [...path, r];
    const read = isJsonObject(item) ? readRegion(item, itemPath) : null;
    if (!read || !isJsonObject(item)) {
      if (isJsonObject(item)) others.push([item, itemPath]);
      else skipped.push(skippedAt(json, itemPath, "a result that is not an object"));
      return;
    }
    const note = noteOf(item.meta);
    const withNote = read.map((span) => (note ? { ...span, note } : span));
    spans.push(...withNote);
    if (item.id !== undefined && withNote[0]) regions.set(item.id, withNote[0]);
  });
  const relations: RecordRelation[] = [];
  const documentLabels: Record<string, string[]> = {};
  for (const [item, itemPath] of others) {
    if (item.type === "relation") {
      const end = (key: "from_id" | "to_id") =>
        regions.get(item[key]) ??
        failAt(
          json,
          [...itemPath, key],
          `region ${JSON.stringify(item[key])} is not in the result`,
        );
      const from = spanContent(end("from_id"));
      const to = spanContent(end("to_id"));
      const [source, target] = item.direction === "left" ? [to, from] : [from, to];
      const labels = Array.isArray(item.labels) && item.labels.length > 0 ? item.labels : [null];
      for (const label of labels) {
        const type = typeof label === "string" && label !== "" ? label : unlabelledRelation;
        relations.push({
          source,
          target,
          type,
          ...(item.direction === "bi" ? { directed: false } : {}),
        });
      }
      continue;
    }
    const value = isJsonObject(item.value) ? item.value : {};
    if (item.type === "choices" && Array.isArray(value.choices) && value.start === undefined) {
      const set = typeof item.from_name === "string" ? item.from_name : "choices";
      const options = value.choices.filter((c): c is string => typeof c === "string" && c !== "");
      documentLabels[set] = [...new Set([...(documentLabels[set] ?? []), ...options])];
      continue;
    }
    const type = typeof item.type === "string" ? `"${item.type}"` : "unknown";
    skipped.push(skippedAt(json, itemPath, `a result of type ${type} has no place in Concord`));
  }
  return {
    spans,
    ...(relations.length > 0 ? { relations } : {}),
    ...(Object.keys(documentLabels).length > 0 ? { documentLabels } : {}),
  };
}

function noteOf(meta: unknown): string {
  if (!isJsonObject(meta)) return "";
  const { text } = meta;
  if (typeof text === "string") return text;
  return Array.isArray(text) ? text.filter((t) => typeof t === "string").join("\n") : "";
}

/** The results beyond labelled regions: relations between regions `r<i>`, and choices. */
export function writeResults(
  layer: Layer,
  spans: Span[],
  names: { toName: string },
): Record<string, unknown>[] {
  const regionId = (end: Span) => `r${spans.findIndex((span) => sameSpan(span, end)) + 1}`;
  const relations = (layer.relations ?? []).map((relation) => ({
    from_id: regionId(relation.source),
    to_id: regionId(relation.target),
    type: "relation",
    direction: relation.directed === false ? "bi" : "right",
    labels: [relation.type],
  }));
  const choices = Object.entries(layer.documentLabels ?? {}).map(([set, options], i) => ({
    id: `c${i + 1}`,
    from_name: set,
    to_name: names.toName,
    type: "choices",
    value: { choices: options },
  }));
  return [...relations, ...choices];
}
