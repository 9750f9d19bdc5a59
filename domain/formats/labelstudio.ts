import type { Span } from "../spans";
import { createSpanReader, isSpanProblem, type OffsetUnit } from "./file-spans";
import {
  failAt,
  formatJsonPath,
  isJsonObject,
  parseJsonSource,
  skippedAt,
  type JsonPath,
  type JsonSource,
} from "./json-source";
import type { AnnotationRecord, DocumentRecord } from "./jsonl";
import { readResults } from "./labelstudio-results";
import { annotationOf, stripByteOrderMark, type ReadReport, type SkippedEntry } from "./records";

/**
 * Label Studio's JSON export: a list of tasks, or one task, `{"id", "data": {"text", ...},
 * "annotations": [{"completed_by", "result": [{"value": {"start", "end", "text", "labels"}}]}],
 * "predictions": [...]}`; Label Studio 0.x says `completions` for annotations. Each annotation
 * becomes one annotation set, named by `completed_by` (an email, or `user-<id>` for a bare user
 * id), each prediction one named by its `model_version`, left in progress since nobody checked it.
 * Results beyond labelled text spans are read by labelstudio-results.ts: relations, document
 * choices, region notes; others are reported.
 *
 * Offsets: `value.start`/`value.end` count code points since label-studio-frontend PR #308 (2021);
 * exports of Label Studio <= 1.3 counted UTF-16 units, which `offsets: "utf-16"` reads. `value.text`
 * is checked against the offsets, so a file in the other unit is caught, not imported shifted.
 */
export type LabelStudioReadOptions = {
  /** Annotator of annotations without `completed_by`; default "labelstudio". */
  annotator?: string;
  /** Default "code-points". */
  offsets?: OffsetUnit;
  /** The `data` key holding the text (the `value="$text"` of the labelling config); default "text". */
  textKey?: string;
};

const annotationKeys = ["annotations", "completions", "predictions"] as const;

export function readLabelStudio(content: string, options: LabelStudioReadOptions = {}): ReadReport {
  const json = parseJsonSource(stripByteOrderMark(content));
  const report: ReadReport = { documents: [], skipped: [] };
  const tasks = Array.isArray(json.value) ? json.value : [json.value];
  tasks.forEach((task: unknown, i) => {
    const path = Array.isArray(json.value) ? [i] : [];
    report.documents.push(readTask(json, path, task, options, report.skipped));
  });
  return report;
}

function readTask(
  json: JsonSource,
  path: JsonPath,
  task: unknown,
  options: LabelStudioReadOptions,
  skipped: SkippedEntry[],
): DocumentRecord {
  if (!isJsonObject(task)) return failAt(json, path, "expected a task object");
  const data = task.data;
  if (!isJsonObject(data)) {
    return failAt(json, [...path, "data"], describeMissing(data, "an object"));
  }
  const textKey = options.textKey ?? "text";
  const text = data[textKey];
  if (typeof text !== "string") {
    return failAt(json, [...path, "data", textKey], describeMissing(text, "a string"));
  }
  // The id a user imported with the task outlives Label Studio's own task numbering.
  const [idPath, id] =
    data.id !== undefined ? [[...path, "data", "id"], data.id] : [[...path, "id"], task.id];
  if (id !== undefined && typeof id !== "string" && typeof id !== "number") {
    return failAt(json, idPath, "must be a string or a number");
  }
  const dataMeta = Object.fromEntries(
    Object.entries(data).filter(([key]) => key !== textKey && key !== "id"),
  );

  const readSpans = spanReader(json, text, options);
  const annotations: AnnotationRecord[] = [];
  const annotatorPaths = new Map<string, JsonPath>();
  for (const key of annotationKeys) {
    const list = task[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) return failAt(json, [...path, key], "must be a list");
    list.forEach((entry: unknown, k) => {
      const entryPath = [...path, key, k];
      if (!isJsonObject(entry)) return failAt(json, entryPath, "expected an object");
      if (entry.was_cancelled === true) {
        return skipped.push(skippedAt(json, entryPath, "cancelled (skipped) in Label Studio"));
      }
      const by = attribute(entry, entryPath, key === "predictions", options);
      const earlier = annotatorPaths.get(by.annotator);
      if (earlier) {
        const reason = `annotator "${by.annotator}" already has ${formatJsonPath(earlier)} of this task`;
        return failAt(json, by.path, reason);
      }
      annotatorPaths.set(by.annotator, entryPath);
      const layer = readSpans(entry.result, [...entryPath, "result"], skipped);
      annotations.push({ ...layer, ...annotationOf(by.annotator, layer.spans, by.status) });
    });
  }
  return {
    id: id === undefined ? null : String(id),
    text,
    meta: { ...(isJsonObject(task.meta) ? task.meta : {}), ...dataMeta },
    annotations,
  };
}

/** Reads a `result` list: labelled text spans become spans, the rest see readResults. */
function spanReader(json: JsonSource, text: string, options: LabelStudioReadOptions) {
  const unit = options.offsets ?? "code-points";
  const readSpan = createSpanReader(text, unit);
  const readRegion = (item: Record<string, unknown>, itemPath: JsonPath): Span[] | null => {
    {
      const value = item.value;
      if (
        !isJsonObject(value) ||
        !Array.isArray(value.labels) ||
        typeof value.start !== "number" ||
        typeof value.end !== "number"
      ) {
        return null;
      }
      const { start, end, labels, text: expected } = value;
      const valuePath = [...itemPath, "value"];
      return labels.map((label: unknown, l) => {
        const span = readSpan(start, end, label);
        if (isSpanProblem(span)) {
          const field = span.field === "label" ? ["labels", l] : [span.field];
          return failAt(json, [...valuePath, ...field], span.reason);
        }
        const covered = text.slice(span.start, span.end);
        if (typeof expected === "string" && expected !== covered) {
          const hint =
            unit === "code-points" && text.slice(start, end) === expected
              ? ': the offsets look like UTF-16 units (Label Studio <= 1.3), read with offsets "utf-16"'
              : "";
          const reason = `is "${expected}" but the offsets cover "${covered}"${hint}`;
          return failAt(json, [...valuePath, "text"], reason);
        }
        return span;
      });
    }
  };
  return (result: unknown, path: JsonPath, skipped: SkippedEntry[]) => {
    if (!Array.isArray(result)) return failAt(json, path, describeMissing(result, "a list"));
    return readResults(json, path, result, readRegion, skipped);
  };
}

type Attribution = { annotator: string; path: JsonPath; status: AnnotationRecord["status"] };

function attribute(
  entry: Record<string, unknown>,
  path: JsonPath,
  isPrediction: boolean,
  options: LabelStudioReadOptions,
): Attribution {
  // Written by Concord's own export, so that a round trip keeps annotator names and statuses.
  const concord = isJsonObject(entry.concord) ? entry.concord : {};
  const status: Attribution["status"] =
    concord.status === "in_progress" || concord.status === "submitted"
      ? concord.status
      : isPrediction
        ? "in_progress"
        : "submitted";
  const by = (annotator: string, ...field: JsonPath): Attribution => ({
    annotator,
    path: [...path, ...field],
    status,
  });
  if (typeof concord.annotator === "string" && concord.annotator !== "") {
    return by(concord.annotator, "concord", "annotator");
  }
  if (isPrediction) {
    const model = entry.model_version;
    return by(typeof model === "string" && model !== "" ? model : "prediction", "model_version");
  }
  const user = entry.completed_by;
  if (typeof user === "number") return by(`user-${user}`, "completed_by");
  if (typeof user === "string" && user !== "") return by(user, "completed_by");
  if (isJsonObject(user) && typeof user.email === "string") return by(user.email, "completed_by");
  if (isJsonObject(user) && typeof user.id === "number") {
    return by(`user-${user.id}`, "completed_by");
  }
  return by(options.annotator ?? "labelstudio");
}

function describeMissing(value: unknown, expected: string): string {
  return value === undefined ? "is required but missing" : `must be ${expected}`;
}
