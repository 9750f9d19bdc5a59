import { DomainError, InputError } from "../errors";
import type { OffsetMap } from "../offsets";
import type { SpanAttributes, SpanFragment } from "../span-details";
import { compareSpans, normalizeSpans, spansOverlap, type Span } from "../spans";
import { codePointRange } from "./file-spans";
import {
  sameSpan,
  type DocumentLabels,
  type RecordRelation,
  type RecordSpan,
} from "./record-details";

/** A layer as the native JSONL file holds it once its shape is checked; offsets in code points. */
type FileLayer = {
  spans: { attributes?: SpanAttributes; note?: string; fragments?: [number, number][] }[];
  relations?: { source: number; target: number; type: string; directed?: boolean }[];
  documentLabels?: DocumentLabels;
};

type Where = { line: number; where: string };

/**
 * The layer's spans with their details, its relations (whose ends, indices into the file's span
 * list, become the spans themselves) and its document labels. `spans` are the file's spans in
 * file order, converted to UTF-16.
 */
export function readLayerDetails(
  layer: FileLayer,
  spans: Span[],
  offsets: OffsetMap,
  at: Where,
): { spans: RecordSpan[]; relations?: RecordRelation[]; documentLabels?: DocumentLabels } {
  const detailed = spans.map((span, s): RecordSpan => {
    const { attributes, note, fragments } = layer.spans[s] ?? {};
    const where = `${at.where}.spans[${s}]`;
    return {
      ...span,
      ...(attributes && Object.keys(attributes).length > 0 ? { attributes } : {}),
      ...(note ? { note } : {}),
      ...(fragments && fragments.length > 0
        ? { fragments: readFragments(span, fragments, offsets, { line: at.line, where }) }
        : {}),
    };
  });
  const relations = layer.relations?.map((relation, r): RecordRelation => {
    const field = `${at.where}.relations[${r}]`;
    const end = (key: "source" | "target") => {
      const span = spans[relation[key]];
      if (!span) {
        const reason = `span ${relation[key]} does not exist (the layer has ${spans.length} spans)`;
        throw new InputError(at.line, `${field}.${key}`, reason);
      }
      return span;
    };
    const source = end("source");
    const target = end("target");
    if (sameSpan(source, target)) {
      throw new InputError(at.line, field, `a "${relation.type}" relation joins a span to itself`);
    }
    return {
      source,
      target,
      type: relation.type,
      ...(relation.directed === false ? { directed: false } : {}),
    };
  });
  return {
    spans: normalizeSpans(detailed),
    ...(relations && relations.length > 0 ? { relations } : {}),
    ...(layer.documentLabels && Object.keys(layer.documentLabels).length > 0
      ? { documentLabels: layer.documentLabels }
      : {}),
  };
}

/** Checks a span's further pieces (code points in the file) and gives them in UTF-16, sorted. */
export function readFragments(
  span: Span,
  fragments: [number, number][],
  offsets: OffsetMap,
  at: Where,
): SpanFragment[] {
  const converted = fragments.map(([start, end], f): SpanFragment => {
    const field = `${at.where}.fragments[${f}]`;
    const from = offsets.toUtf16(start);
    const to = offsets.toUtf16(end);
    if (from === undefined || to === undefined) {
      const reason = `fragment ${start}-${end} is past the end of the text (${offsets.codePointLength} code points)`;
      throw new InputError(at.line, field, reason);
    }
    if (from >= to)
      throw new InputError(at.line, field, `start ${start} must be less than end ${end}`);
    return [from, to];
  });
  return checkFragments(span, converted, at);
}

/** Sorted pieces that overlap neither the span's own range nor each other. */
export function checkFragments(span: Span, fragments: SpanFragment[], at: Where): SpanFragment[] {
  const sorted = [...fragments].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const pieces = [{ start: span.start, end: span.end }];
  for (const [start, end] of sorted) {
    if (pieces.some((piece) => spansOverlap(piece, { start, end }))) {
      const reason = `the ${span.label} span's fragments ${start}-${end} overlaps another of its pieces`;
      throw new InputError(at.line, `${at.where}.fragments`, reason);
    }
    pieces.push({ start, end });
  }
  return sorted;
}

/** The layer in the file's shape: details only where present, relation ends as span indices. */
export function writeLayerDetails(
  layer: { spans: RecordSpan[]; relations?: RecordRelation[]; documentLabels?: DocumentLabels },
  offsets: OffsetMap,
) {
  const spans = normalizeSpans(layer.spans);
  const indexOf = (end: Span) => {
    const index = spans.findIndex((span) => sameSpan(span, end));
    if (index < 0) {
      throw new DomainError(
        "BAD_REQUEST",
        `a relation ends at a ${end.label} span ${end.start}-${end.end} the layer does not have`,
      );
    }
    return index;
  };
  // Sorted by their ends, so a layer gives the same line whatever order it was stored in.
  const relations = [...(layer.relations ?? [])]
    .sort((a, b) => compareSpans(a.source, b.source) || compareSpans(a.target, b.target))
    .map((relation) => ({
      source: indexOf(relation.source),
      target: indexOf(relation.target),
      type: relation.type,
      ...(relation.directed === false ? { directed: false } : {}),
    }));
  const labels = layer.documentLabels ?? {};
  return {
    spans: spans.map((span) => ({
      ...codePointRange(offsets, span),
      label: span.label,
      ...(span.attributes && Object.keys(span.attributes).length > 0
        ? { attributes: span.attributes }
        : {}),
      ...(span.note ? { note: span.note } : {}),
      ...(span.fragments && span.fragments.length > 0
        ? {
            fragments: span.fragments.map(([start, end]) => {
              const range = codePointRange(offsets, { start, end, label: span.label });
              return [range.start, range.end];
            }),
          }
        : {}),
    })),
    ...(relations.length > 0 ? { relations } : {}),
    ...(Object.keys(labels).length > 0 ? { documentLabels: labels } : {}),
  };
}
