"use client";

import { memo, useLayoutEffect, useRef, useState } from "react";
import { spanKey, type SpanContent } from "@/domain/span-edits";
import type { TextDirection } from "@/domain/text-direction";
import {
  arcLevelHeight,
  arcPath,
  arrowHeadPath,
  halfArcPath,
  sameArcs,
  type BlockArc,
  type Point,
} from "./relation-layout";
import { domRangeOf } from "./selection";
import type { TextSpan } from "./types";

type RelationOverlayProps = {
  arcs: readonly BlockArc[];
  start: number;
  end: number;
  dir: TextDirection;
  /** The block's spans: when they change, the text moves and the arcs are measured again. */
  spans: readonly TextSpan[];
  /** Set only on the blocks it concerns, as the text block's focus is. */
  highlighted: string | null;
  pending: SpanContent | null;
  onHover: (key: string | null) => void;
  onPick: (arc: BlockArc, anchor: DOMRect) => void;
};

type Box = { x: number; y: number; width: number; height: number };
type Drawn = { arc: BlockArc; path: string; head: string | null; label: Point | null };
type Geometry = { drawn: Drawn[]; outlines: Map<string, Box[]> };

const empty: Geometry = { drawn: [], outlines: new Map() };
/** Between the top of the text and the lowest arc. */
const gap = 3;

/**
 * The arcs of one block of text, drawn over it after the text is laid out: each end is measured
 * where the browser put it, an arc whose ends share a line is drawn above that line on its level,
 * and one whose ends do not leaves each end toward the other as a half arc to the line's edge.
 * A block without relations draws nothing, so a long text without them costs nothing more.
 */
export const RelationOverlay = memo(function RelationOverlay(props: RelationOverlayProps) {
  const { arcs, start, end, dir, spans, highlighted, pending } = props;
  const svgRef = useRef<SVGSVGElement>(null);
  const [geometry, setGeometry] = useState<Geometry>(empty);
  const [width, setWidth] = useState(0);
  const visible = arcs.length > 0 || pending !== null;

  useLayoutEffect(() => {
    const item = svgRef.current?.parentElement;
    if (!visible || !item) return;
    const observer = new ResizeObserver(() => setWidth(item.clientWidth));
    observer.observe(item);
    return () => observer.disconnect();
  }, [visible]);

  useLayoutEffect(() => {
    const item = svgRef.current?.parentElement;
    if (!item) return;
    setGeometry(measure(item, { arcs, pending, start, end, dir }));
    // The block's spans and width are not read here, but when they change the text has moved.
  }, [arcs, spans, pending, width, start, end, dir]);

  if (!visible) return null;
  const outlined = [
    ...(pending ? [{ key: spanKey(pending), kind: "pending" }] : []),
    ...arcs
      .filter((arc) => arc.key === highlighted)
      .flatMap((arc) => [spanKey(arc.source), spanKey(arc.target)])
      .map((key) => ({ key, kind: "highlight" })),
  ];
  return (
    <svg
      ref={svgRef}
      aria-label="Relations"
      role="group"
      className="pointer-events-none absolute inset-0 h-full w-full overflow-visible font-sans select-none"
    >
      {outlined.flatMap(({ key, kind }) =>
        (geometry.outlines.get(key) ?? []).map((box, i) => (
          <rect
            key={`${kind}-${key}-${i}`}
            data-relation-end={kind}
            x={box.x - 2}
            y={box.y - 1}
            width={box.width + 4}
            height={box.height + 2}
            rx={3}
            fill="none"
            className="stroke-focus"
            strokeWidth={2}
            strokeDasharray={kind === "pending" ? "4 3" : undefined}
          />
        )),
      )}
      {geometry.drawn.map(({ arc, path, head, label }, i) => {
        const lit = arc.key === highlighted;
        return (
          <g
            key={`${arc.key}-${i}`}
            role="img"
            aria-label={arc.name}
            data-relation-arc={arc.key}
            data-relation-type={arc.typeName}
            data-highlighted={lit || undefined}
            className="pointer-events-auto cursor-pointer"
            onPointerEnter={() => props.onHover(arc.key)}
            onPointerLeave={() => props.onHover(null)}
            onClick={(event) => props.onPick(arc, event.currentTarget.getBoundingClientRect())}
          >
            <path d={path} fill="none" stroke="transparent" strokeWidth={9} />
            <path d={path} fill="none" stroke={arc.color} strokeWidth={lit ? 2.5 : 1.25} />
            {head && <path d={head} fill={arc.color} />}
            {label && (
              <text
                x={label.x}
                y={label.y}
                textAnchor="middle"
                dominantBaseline="central"
                fontSize={10}
                paintOrder="stroke"
                stroke="white"
                strokeWidth={3}
                className="fill-zinc-800"
                fontWeight={lit ? 600 : 400}
              >
                {arc.typeName}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}, sameOverlay);

type Measured = Pick<RelationOverlayProps, "arcs" | "pending" | "start" | "end" | "dir">;

function measure(item: HTMLElement, props: Measured): Geometry {
  const origin = item.getBoundingClientRect();
  const boxesOf = (span: SpanContent): Box[] => {
    const clipped = {
      start: Math.max(span.start, props.start),
      end: Math.min(span.end, props.end),
    };
    const rects = domRangeOf(item, clipped)?.getClientRects() ?? [];
    return [...rects].map((rect) => ({
      x: rect.left - origin.left,
      y: rect.top - origin.top,
      width: rect.width,
      height: rect.height,
    }));
  };
  const outlines = new Map<string, Box[]>();
  const boxes = (span: SpanContent) => {
    const key = spanKey(span);
    const found = outlines.get(key) ?? boxesOf(span);
    outlines.set(key, found);
    return found;
  };
  if (props.pending) boxes(props.pending);
  const drawn = props.arcs.flatMap((arc) => {
    const source = arc.sourceHere ? boxes(arc.source)[0] : undefined;
    const target = arc.targetHere ? boxes(arc.target)[0] : undefined;
    return drawArc(arc, source, target, item.clientWidth, props.dir);
  });
  return { drawn, outlines };
}

const anchorOf = (box: Box): Point => ({ x: box.x + box.width / 2, y: box.y });
const heightOf = (level: number, base: number) => base - gap - (level + 1) * arcLevelHeight;

function drawArc(
  arc: BlockArc,
  source: Box | undefined,
  target: Box | undefined,
  width: number,
  dir: TextDirection,
): Drawn[] {
  const from = source && anchorOf(source);
  const to = target && anchorOf(target);
  const head = (at: Point | undefined) => (arc.directed && at ? arrowHeadPath(at) : null);
  if (from && to && Math.abs(from.y - to.y) < 4) {
    const top = heightOf(arc.level, Math.min(from.y, to.y));
    const label = { x: (from.x + to.x) / 2, y: top };
    return [{ arc, path: arcPath(from, to, top), head: head(to), label }];
  }
  // The end that comes first in the text leaves toward the end of its line, the other one
  // arrives from the start of its line; in right-to-left text, lines end on the left.
  const later = (end: SpanContent, other: SpanContent) => other.start > end.start;
  const edge = (forward: boolean) => (forward === (dir === "rtl") ? 0 : width);
  const half = (at: Point, forward: boolean, withHead: boolean): Drawn => {
    const top = heightOf(arc.level, at.y);
    const edgeX = edge(forward);
    return {
      arc,
      path: halfArcPath(at, edgeX, top),
      head: withHead ? head(at) : null,
      label: { x: (at.x + edgeX) / 2, y: top },
    };
  };
  return [
    ...(from ? [half(from, later(arc.source, arc.target), false)] : []),
    ...(to ? [half(to, later(arc.target, arc.source), true)] : []),
  ];
}

function sameOverlay(a: RelationOverlayProps, b: RelationOverlayProps): boolean {
  return (
    sameArcs(a.arcs, b.arcs) &&
    a.start === b.start &&
    a.end === b.end &&
    a.dir === b.dir &&
    a.highlighted === b.highlighted &&
    a.onHover === b.onHover &&
    a.onPick === b.onPick &&
    (a.pending === b.pending ||
      (a.pending !== null && b.pending !== null && spanKey(a.pending) === spanKey(b.pending))) &&
    a.spans.length === b.spans.length &&
    a.spans.every((span, i) => span === b.spans[i])
  );
}

/** What the text view needs to draw a layer's relations. */
export type RelationDrawing = {
  arcsByBlock: readonly (readonly BlockArc[])[];
  highlighted: string | null;
  /** The span a relation being made starts from. */
  pending: SpanContent | null;
  onHover: (key: string | null) => void;
  onPick: (arc: BlockArc, anchor: DOMRect) => void;
};

const noArcs: readonly BlockArc[] = [];

/** A block's arcs, given only the highlight and the pending end that concern it. */
export function BlockRelations(props: {
  drawing: RelationDrawing;
  index: number;
  start: number;
  end: number;
  spans: readonly TextSpan[];
  dir: TextDirection;
}) {
  const { drawing, start, end } = props;
  const arcs = drawing.arcsByBlock[props.index] ?? noArcs;
  const pending = drawing.pending;
  return (
    <RelationOverlay
      arcs={arcs}
      start={start}
      end={end}
      dir={props.dir}
      spans={props.spans}
      highlighted={arcs.some((arc) => arc.key === drawing.highlighted) ? drawing.highlighted : null}
      pending={pending && pending.start < end && pending.end > start ? pending : null}
      onHover={drawing.onHover}
      onPick={drawing.onPick}
    />
  );
}
