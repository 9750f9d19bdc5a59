import { compareSpans, spansOverlap, type Span } from "../spans";

/**
 * Groups the annotators' spans of one document into regions of overlapping spans and says how the
 * annotators differ in each: the diff view marks these, and curation settles them one by one.
 */
export type AnnotatorSpan = Span & { annotator: string };

/** One distinct start/end/label in a region, with the annotators who have it. */
export type Variant = Span & { annotators: string[] };

export type RegionKind =
  | "agreed" // every annotator has every span here
  | "partial" // one variant, but some annotators have nothing here
  | "boundary" // same label, different start or end
  | "label" // same start and end, different labels
  | "mixed"; // both boundaries and labels differ

export type Region = { start: number; end: number; kind: RegionKind; variants: Variant[] };

export function findRegions(spans: AnnotatorSpan[], annotatorCount: number): Region[] {
  const sorted = [...spans].sort(compareSpans);
  const regions: Region[] = [];
  let group: AnnotatorSpan[] = [];
  let groupEnd = -1;
  for (const span of sorted) {
    if (group.length > 0 && span.start >= groupEnd) {
      regions.push(describeRegion(group, annotatorCount));
      group = [];
    }
    group.push(span);
    groupEnd = Math.max(groupEnd, span.end);
  }
  if (group.length > 0) regions.push(describeRegion(group, annotatorCount));
  return regions;
}

function describeRegion(group: AnnotatorSpan[], annotatorCount: number): Region {
  const variants: Variant[] = [];
  for (const span of group) {
    const same = variants.find((v) => compareSpans(v, span) === 0);
    if (same) {
      if (!same.annotators.includes(span.annotator)) same.annotators.push(span.annotator);
    } else {
      variants.push({
        start: span.start,
        end: span.end,
        label: span.label,
        annotators: [span.annotator],
      });
    }
  }
  const start = Math.min(...group.map((span) => span.start));
  const end = Math.max(...group.map((span) => span.end));
  return { start, end, kind: classify(variants, annotatorCount), variants };
}

function classify(variants: Variant[], annotatorCount: number): RegionKind {
  if (variants.every((v) => v.annotators.length >= annotatorCount)) return "agreed";
  const [first, ...others] = variants;
  if (!first || others.length === 0) return "partial";
  const sameBounds = others.every((v) => v.start === first.start && v.end === first.end);
  const sameLabel = others.every((v) => v.label === first.label);
  if (sameBounds) return "label";
  return sameLabel ? "boundary" : "mixed";
}

/**
 * Variants held by at least `share` of the annotators (0 < share <= 1). Where overlaps are not
 * allowed, a variant overlapping one already accepted is left for the reviewer.
 */
export function acceptedVariants(
  regions: Region[],
  annotatorCount: number,
  share: number,
  allowOverlap: boolean,
): Span[] {
  const needed = Math.max(1, Math.ceil(share * annotatorCount - 1e-9));
  const accepted: Span[] = [];
  for (const region of regions) {
    const winners = region.variants.filter((v) => v.annotators.length >= needed);
    for (const winner of winners) {
      if (allowOverlap || !accepted.some((other) => spansOverlap(other, winner))) {
        accepted.push({ start: winner.start, end: winner.end, label: winner.label });
      }
    }
  }
  return accepted;
}
